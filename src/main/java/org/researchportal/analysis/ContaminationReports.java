package org.researchportal.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.followup.OutsideExerciseAnswer;
import org.researchportal.followup.OutsideExerciseAnswers;
import org.researchportal.followup.OutsideExerciseKind;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.AnalysedParticipants;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Contamination: exercise done outside the study, as the monthly calls ask it, per arm over time. A call counts in the
 * month since randomisation it was due (the whole months from randomisation to its due date, as the plan schedules
 * it); every randomised participant counts in the arm she was randomised to (intention to treat).
 */
@Service
public class ContaminationReports {

    private final AnalysedParticipants participants;
    private final OutsideExerciseAnswers answers;
    private final StudyService studies;

    ContaminationReports(AnalysedParticipants participants, OutsideExerciseAnswers answers, StudyService studies) {
        this.participants = participants;
        this.answers = answers;
        this.studies = studies;
    }

    @ShowsArms
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public ContaminationReport report(String studyId) {
        Map<String, AnalysedParticipant> byId = participants.randomised(studyId).stream()
                .collect(Collectors.toMap(AnalysedParticipant::id, Function.identity()));
        List<String> arms = studies.study(studyId).map(s -> s.arms().stream().map(Arm::code).toList())
                .orElse(List.of());
        List<ContaminationSource> sources = new ArrayList<>();
        for (OutsideExerciseAnswer a : answers.answers(studyId)) {
            AnalysedParticipant p = byId.get(a.participantId());
            if (p != null) {
                sources.add(new ContaminationSource(p.label(), p.armCode(), monthOf(p.randomisedOn(), a.dueOn()),
                        a.callNumber(), a.dueOn(), a.outsideExercise(), a.kinds(), a.minutesPerWeek()));
            }
        }
        sources.sort(Comparator.comparingInt(ContaminationSource::month)
                .thenComparing(s -> arms.indexOf(s.armCode())).thenComparing(ContaminationSource::participant));
        List<Integer> months = List.copyOf(new TreeSet<>(sources.stream().map(ContaminationSource::month).toList()));
        List<ContaminationMonth> rows = new ArrayList<>();
        for (int month : months) {
            for (String arm : arms) {
                List<ContaminationSource> counted = sources.stream()
                        .filter(s -> s.month() == month && s.armCode().equals(arm)).toList();
                if (!counted.isEmpty()) {
                    rows.add(row(arm, month, counted));
                }
            }
        }
        return new ContaminationReport(months, rows, sources);
    }

    /** The month since randomisation a call was due in: 1 for a call due a month after randomisation. */
    static int monthOf(LocalDate randomisedOn, LocalDate dueOn) {
        long months = ChronoUnit.MONTHS.between(randomisedOn, dueOn);
        // Randomised on the 31st, the call a month later is due on the 30th (or the 28th): still month 1.
        if (randomisedOn.plusMonths(months).isBefore(dueOn)) {
            months++;
        }
        return (int) Math.max(0, months);
    }

    private static ContaminationMonth row(String arm, int month, List<ContaminationSource> counted) {
        List<Double> all = counted.stream().map(s -> s.outsideExercise() && s.minutesPerWeek() != null
                ? s.minutesPerWeek().doubleValue() : 0.0).toList();
        List<Double> reporting = counted.stream().filter(ContaminationSource::outsideExercise)
                .map(s -> s.minutesPerWeek() == null ? 0.0 : s.minutesPerWeek().doubleValue()).toList();
        Map<OutsideExerciseKind, Integer> kinds = new EnumMap<>(OutsideExerciseKind.class);
        for (OutsideExerciseKind kind : OutsideExerciseKind.values()) {
            kinds.put(kind, (int) counted.stream().filter(s -> s.kinds().contains(kind)).count());
        }
        return new ContaminationMonth(arm, month, counted.size(), reporting.size(),
                100.0 * reporting.size() / counted.size(), mean(all), median(all), reporting.isEmpty() ? null
                        : mean(reporting), reporting.isEmpty() ? null : median(reporting), kinds);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
