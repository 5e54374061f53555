package org.researchportal.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.analysis.BlindingReport.ArmBlinding;
import org.researchportal.analysis.BlindingReport.BangReading;
import org.researchportal.analysis.BlindingReport.JamesReading;
import org.researchportal.analysis.BlindingReport.TimepointBlinding;
import org.researchportal.assessments.ArmGuessRecord;
import org.researchportal.assessments.ArmGuesses;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.AnalysedParticipants;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Did blinding hold? The assessors' guesses of the arm ({@link ArmGuesses}) set beside the arms the participants were
 * randomised to, per follow-up timepoint: Bang's index per arm and James' index for the study ({@link BlindingIndex}
 * has the definitions). In aggregate only, for unblinded readers.
 */
@Service
public class BlindingIndexes {

    static final String CORRECT = "correct";
    static final String INCORRECT = "incorrect";
    static final String DONT_KNOW = "don't know";

    private final StudyService studies;
    private final ArmGuesses guesses;
    private final AnalysedParticipants participants;

    BlindingIndexes(StudyService studies, ArmGuesses guesses, AnalysedParticipants participants) {
        this.studies = studies;
        this.guesses = guesses;
        this.participants = participants;
    }

    /**
     * The study's follow-up timepoints (every timepoint after the schedule's first), each with its table of guesses
     * by arm, Bang's index per arm and James' index, and one source per guess counted.
     */
    @ShowsArms
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public BlindingReport report(String studyId) {
        StudySummary study = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        List<Timepoint> schedule = studies.schedule(studyId);
        Map<String, AnalysedParticipant> randomised = new HashMap<>();
        participants.randomised(studyId).forEach(p -> randomised.put(p.id(), p));
        List<ArmGuessRecord> all = guesses.guessesOf(studyId);
        List<TimepointBlinding> timepoints = new ArrayList<>();
        List<FigureSource> sources = new ArrayList<>();
        for (Timepoint timepoint : schedule.subList(Math.min(1, schedule.size()), schedule.size())) {
            Map<String, int[]> counts = new HashMap<>();
            study.arms().forEach(a -> counts.put(a.code(), new int[3]));
            for (ArmGuessRecord guess : all) {
                AnalysedParticipant p = randomised.get(guess.participantId());
                if (p == null || !guess.timepoint().equals(timepoint.code()) || !counts.containsKey(p.armCode())) {
                    continue;
                }
                String counted = guess.dontKnow() ? DONT_KNOW : guess.guess().equals(p.armCode()) ? CORRECT
                        : INCORRECT;
                counts.get(p.armCode())[counted.equals(CORRECT) ? 0 : counted.equals(INCORRECT) ? 1 : 2]++;
                sources.add(new FigureSource("Bang's index, " + timepoint.label() + ", " + p.armCode(), p.label(),
                        p.armCode(), "Guess of the arm, " + timepoint.label() + " (" + guess.recordedAt() + ")",
                        guess.guess() + " (" + counted + ")"));
            }
            List<ArmBlinding> arms = study.arms().stream().map(a -> armBlinding(a, counts.get(a.code()))).toList();
            Optional<BlindingIndex.Estimate> james = Optional.empty();
            JamesReading reading;
            if (study.arms().size() != 2) {
                reading = JamesReading.NOT_TWO_ARMS;
            } else {
                int[] first = counts.get(study.arms().get(0).code());
                int[] second = counts.get(study.arms().get(1).code());
                // Rows: guessed the first arm, the second, don't know; columns: the first arm, the second.
                james = BlindingIndex.james(new int[][] {{first[0], second[1]}, {first[1], second[0]},
                        {first[2], second[2]}});
                reading = james.map(j -> j.high() < 0.5 ? JamesReading.LACK_OF_BLINDING
                        : JamesReading.NOT_SHOWN_UNBLINDED).orElse(JamesReading.NOT_COMPUTABLE);
            }
            timepoints.add(new TimepointBlinding(timepoint.code(), timepoint.label(), timepoint.labelZh(), arms,
                    james.orElse(null), reading));
        }
        sources.sort(Comparator.comparing(FigureSource::figure).thenComparing(FigureSource::participant));
        return new BlindingReport(studyId, study.arms(), timepoints, sources);
    }

    private static ArmBlinding armBlinding(Arm arm, int[] counts) {
        Optional<BlindingIndex.Estimate> bang = BlindingIndex.bang(counts[0], counts[1], counts[2]);
        return new ArmBlinding(arm.code(), counts[0], counts[1], counts[2], bang.orElse(null), bang.map(
                BlindingIndexes::reading).orElse(null));
    }

    static BangReading reading(BlindingIndex.Estimate bang) {
        return bang.covers(0) ? BangReading.RANDOM : bang.low() > 0 ? BangReading.UNBLINDING : BangReading.OPPOSITE;
    }
}
