package org.researchportal.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.OutcomeScore;
import org.researchportal.assessments.ScoredEntry;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
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
 * The outcome summary: for each score the study's schedule measures (as its instrument names it) and each timepoint,
 * n, the mean and the standard deviation (sample SD, n - 1), and the change from baseline (the schedule's first
 * timepoint): n with a value at both, the mean and the SD of the paired differences (follow-up minus baseline).
 * Pooled over everyone randomised at any time; by arm (intention to treat: the arm allocated) only once the study's
 * database is locked. Only recorded entries count (a questionnaire's draft is none) and only scores the entry computed
 * (a score its missing-item rule left blank is missing, never imputed); entries of anyone never randomised, and at a
 * timepoint the schedule no longer has, are left out. Every figure keeps the entries it was computed from.
 */
@Service
public class OutcomeSummaries {

    /** The field a refusal of the summary by arm names. */
    public static final String FIELD = "study";

    private final AssessmentService assessments;
    private final AnalysedParticipants participants;
    private final StudyService studies;
    private final ClinicalRecordLocks locks;

    OutcomeSummaries(AssessmentService assessments, AnalysedParticipants participants, StudyService studies,
            ClinicalRecordLocks locks) {
        this.assessments = assessments;
        this.participants = participants;
        this.studies = studies;
        this.locks = locks;
    }

    /** Everyone randomised together, before and after the lock; the sources name no arm. */
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public OutcomeSummary pooled(String studyId) {
        requireStudy(studyId);
        return summarise(assessments.outcomeScores(studyId), studies.schedule(studyId), List.of(),
                participants.randomised(studyId), assessments.scoredEntries(studyId), locale());
    }

    /**
     * By arm, in the study's arm order: refused ({@code outcomes.by-arm.before-lock} on {@link #FIELD}) until the
     * study's database is locked, since the figures by arm before then would unblind the trial's result.
     */
    @ShowsArms
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public OutcomeSummary byArm(String studyId) {
        StudySummary study = requireStudy(studyId);
        if (!locks.studyLocked(studyId)) {
            throw ValidationException.of(FIELD, "outcomes.by-arm.before-lock");
        }
        return summarise(assessments.outcomeScores(studyId), studies.schedule(studyId), study.arms(),
                participants.randomised(studyId), assessments.scoredEntries(studyId), locale());
    }

    private StudySummary requireStudy(String studyId) {
        return studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
    }

    private static Locale locale() {
        return CurrentUser.get().map(u -> u.locale()).orElse(Locale.ENGLISH);
    }

    /**
     * The summary from what the modules hold: pure, for the service and for figures worked by hand. {@code arms}
     * empty gives the pooled summary.
     */
    static OutcomeSummary summarise(List<OutcomeScore> scores, List<Timepoint> schedule, List<Arm> arms,
            List<AnalysedParticipant> randomised, List<ScoredEntry> entries, Locale locale) {
        Map<String, AnalysedParticipant> byId = randomised.stream()
                .collect(Collectors.toMap(AnalysedParticipant::id, Function.identity()));
        Map<String, Timepoint> timepoints = schedule.stream()
                .collect(Collectors.toMap(Timepoint::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<ScoredEntry> used = entries.stream()
                .filter(e -> byId.containsKey(e.participantId()) && timepoints.containsKey(e.timepoint()))
                .sorted(Comparator.comparing((ScoredEntry e) -> schedule.indexOf(timepoints.get(e
                        .timepoint()))).thenComparing(e -> byId.get(e.participantId()).label()))
                .toList();
        boolean byArm = !arms.isEmpty();
        List<@Nullable String> groups = new ArrayList<>();
        if (byArm) {
            arms.forEach(a -> groups.add(a.code()));
        } else {
            groups.add(null);
        }
        List<OutcomeFigure> figures = new ArrayList<>();
        List<FigureSource> sources = new ArrayList<>();
        String baseline = schedule.isEmpty() ? "" : schedule.getFirst().code();
        for (OutcomeScore score : scores) {
            for (String group : groups) {
                Map<String, Double> atBaseline = values(used, score, baseline, group, byId);
                for (Timepoint timepoint : schedule) {
                    Map<String, Double> values = values(used, score, timepoint.code(), group, byId);
                    List<Double> changes = new ArrayList<>();
                    if (!timepoint.code().equals(baseline)) {
                        values.forEach((participant, value) -> {
                            Double before = atBaseline.get(participant);
                            if (before != null) {
                                changes.add(value - before);
                            }
                        });
                    }
                    List<Double> taken = List.copyOf(values.values());
                    figures.add(new OutcomeFigure(score.key(), timepoint.code(), group, taken.size(), mean(taken),
                            sd(taken), changes.size(), mean(changes), sd(changes)));
                }
            }
            for (ScoredEntry entry : used) {
                Double value = entry.instrument().equals(score.instrument()) ? entry.scores().get(score.score())
                        : null;
                if (value == null) {
                    continue;
                }
                Timepoint timepoint = timepoints.get(entry.timepoint());
                AnalysedParticipant who = byId.get(entry.participantId());
                String when = OutcomeSummary.label(timepoint, locale);
                sources.add(new FigureSource(score.name().in(locale) + " · " + when, who.label(),
                        byArm ? who.armCode() : "", score.instrumentName().in(locale) + " " + when + " ("
                                + entry.assessedOn() + ")", BigDecimal.valueOf(value).stripTrailingZeros()
                                        .toPlainString()));
            }
        }
        return new OutcomeSummary(scores, schedule, arms, figures, sources);
    }

    /** The score's values at a timepoint by participant, of one arm (null: everyone randomised). */
    private static Map<String, Double> values(List<ScoredEntry> used, OutcomeScore score, String timepoint,
            @Nullable String arm, Map<String, AnalysedParticipant> randomised) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (ScoredEntry entry : used) {
            Double value = entry.scores().get(score.score());
            if (value != null && entry.instrument().equals(score.instrument()) && entry.timepoint().equals(timepoint)
                    && (arm == null || randomised.get(entry.participantId()).armCode().equals(arm))) {
                values.put(entry.participantId(), value);
            }
        }
        return values;
    }

    static @Nullable Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    /** The sample standard deviation (n - 1); none for fewer than two values. */
    static @Nullable Double sd(List<Double> values) {
        Double mean = mean(values);
        if (mean == null || values.size() < 2) {
            return null;
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }
}
