package org.researchportal.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.exercise.AdherenceFigures;
import org.researchportal.exercise.AdherenceRules;
import org.researchportal.exercise.ParticipantAdherence;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.AnalysedParticipants;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Compliance, adherence and fidelity by arm, from the programmes of everyone randomised (intention to treat: those who
 * left count up to the day they left). The per-participant figures are the exercise module's; this adds the arms.
 */
@Service
public class AdherenceReport {

    private final StudyService studies;
    private final AnalysedParticipants analysed;
    private final AdherenceFigures figures;
    private final AdherenceRules rules;

    AdherenceReport(StudyService studies, AnalysedParticipants analysed, AdherenceFigures figures,
            AdherenceRules rules) {
        this.studies = studies;
        this.analysed = analysed;
        this.figures = figures;
        this.rules = rules;
    }

    @ShowsArms
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public AdherenceSummary report(String studyId) {
        StudySummary study = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        List<AnalysedParticipant> randomised = analysed.randomised(studyId);
        Map<String, ParticipantAdherence> byParticipant = new HashMap<>();
        figures.ofStudy(studyId).forEach(f -> byParticipant.put(f.participantId(), f));
        List<AdherenceSummary.Row> rows = new ArrayList<>();
        for (AnalysedParticipant p : randomised) {
            ParticipantAdherence f = byParticipant.get(p.id());
            if (f != null) {
                rows.add(new AdherenceSummary.Row(p.armCode(), f));
            }
        }
        List<ArmAdherence> arms = new ArrayList<>();
        for (Arm arm : study.arms()) {
            int n = (int) randomised.stream().filter(p -> p.armCode().equals(arm.code())).count();
            List<ParticipantAdherence> of = rows.stream().filter(r -> r.armCode().equals(arm.code()))
                    .map(AdherenceSummary.Row::figures).toList();
            arms.add(new ArmAdherence(arm.code(), arm.kind(), n, of.size(),
                    AdherenceStatistics.of(of.stream().map(ParticipantAdherence::compliance).filter(Objects::nonNull)
                            .toList()),
                    AdherenceStatistics.of(of.stream().map(ParticipantAdherence::adherence).filter(Objects::nonNull)
                            .toList()),
                    (int) of.stream().filter(ParticipantAdherence::adherent).count(),
                    (int) of.stream().filter(ParticipantAdherence::manualOpened).count(),
                    of.stream().mapToInt(f -> f.videosSeen().size()).sum(),
                    of.stream().mapToInt(f -> f.videosPrescribed().size()).sum(),
                    of.stream().mapToInt(f -> f.checkInsAnswered().size()).sum(),
                    of.stream().mapToInt(f -> f.checkInWeeks().size()).sum()));
        }
        return new AdherenceSummary(rules.rule(studyId), arms, rows);
    }
}
