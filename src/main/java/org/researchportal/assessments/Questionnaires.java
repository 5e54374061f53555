package org.researchportal.assessments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The questionnaires participants complete themselves (the instruments the schedule marks "completed by the
 * participant"): each one's window and state, for the participant's own "My study" and for the site's compliance. The
 * window is the timepoint's, as the assessor's worklist has it. Nothing here knows an arm.
 */
@Service
public class Questionnaires {

    private final AssessmentRecords assessments;
    private final MissedVisitRecords missedVisits;
    private final BlindedParticipants participants;
    private final StudyService studies;
    private final Clock clock;

    Questionnaires(AssessmentRecords assessments, MissedVisitRecords missedVisits, BlindedParticipants participants,
            StudyService studies, Clock clock) {
        this.assessments = assessments;
        this.missedVisits = missedVisits;
        this.participants = participants;
        this.studies = studies;
        this.clock = clock;
    }

    /** The signed-in participant's questionnaires, every timepoint's, in the order they fall due. */
    @Secured(Authorities.PARTICIPANT)
    public List<DueQuestionnaire> mine() {
        return participants.mine().map(this::of).orElse(List.of());
    }

    /**
     * Every randomised participant's questionnaires of a study, for compliance: the coordinator (who calls those who
     * missed one), the clinician, the monitor and the tenant administrator.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN, Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public List<DueQuestionnaire> ofStudy(String studyId) {
        List<Timepoint> schedule = studies.schedule(studyId);
        if (schedule.stream().allMatch(t -> t.completedByParticipant().isEmpty())) {
            return List.of();
        }
        List<BlindedParticipantRow> randomised = participants.blindedParticipants(studyId, Pageable.unpaged())
                .getContent();
        Map<String, Assessment> recorded = new HashMap<>();
        assessments.ofStudy(studyId).forEach(a -> recorded.put(key(a.getParticipantId(), a.getTimepoint(),
                a.getInstrument()), a));
        Map<String, MissedVisit> missed = new HashMap<>();
        missedVisits.ofStudy(studyId).forEach(m -> missed.put(m.getParticipantId() + "/" + m.getTimepoint(), m));
        LocalDate today = today();
        List<DueQuestionnaire> all = new ArrayList<>();
        for (BlindedParticipantRow p : randomised) {
            all.addAll(of(p, schedule, recorded, missed, today));
        }
        return all;
    }

    /**
     * One randomised participant's questionnaires, for her record and the coordinator marking a missed one handled:
     * her own entries read, not the whole study's. Empty for someone not randomised (or not of this tenant).
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN, Authorities.MONITOR})
    public List<DueQuestionnaire> ofParticipant(String participantId) {
        return participants.blindedParticipant(participantId).map(this::of).orElse(List.of());
    }

    /** One participant's questionnaires (read with whatever authority the caller has to read her). */
    List<DueQuestionnaire> of(BlindedParticipantRow p) {
        List<Timepoint> schedule = studies.schedule(p.studyId());
        Collection<String> only = List.of(p.id());
        Map<String, Assessment> recorded = new HashMap<>();
        assessments.ofParticipants(p.studyId(), only).forEach(a -> recorded.put(key(a.getParticipantId(),
                a.getTimepoint(), a.getInstrument()), a));
        Map<String, MissedVisit> missed = new HashMap<>();
        missedVisits.ofParticipants(p.studyId(), only)
                .forEach(m -> missed.put(m.getParticipantId() + "/" + m.getTimepoint(), m));
        return of(p, schedule, recorded, missed, today());
    }

    private static List<DueQuestionnaire> of(BlindedParticipantRow p, List<Timepoint> schedule,
            Map<String, Assessment> recorded, Map<String, MissedVisit> missed, LocalDate today) {
        if (p.enrolledOn() == null) {
            return List.of();
        }
        List<DueQuestionnaire> due = new ArrayList<>();
        for (Timepoint t : schedule) {
            AssessmentService.Window window = AssessmentService.window(p, t);
            LocalDate dueOn = p.enrolledOn().plusDays(t.dayOffset());
            for (String instrument : t.completedByParticipant()) {
                Assessment answered = recorded.get(key(p.id(), t.code(), instrument));
                boolean excused = missed.containsKey(p.id() + "/" + t.code())
                        || (p.leftOn() != null && window.opens().isAfter(p.leftOn()));
                due.add(new DueQuestionnaire(p.id(), p.studyId(), p.studyNumber(), p.displayName(), t.code(),
                        t.label(), t.labelZh(), instrument, window.opens(), dueOn, window.closes(),
                        state(today, window, dueOn, answered, excused, p.leftOn()),
                        answered == null ? null : answered.toRecord().answeredAt(),
                        answered == null ? null : answered.getRespondent()));
            }
        }
        due.sort(Comparator.comparing(DueQuestionnaire::dueOn).thenComparing(DueQuestionnaire::instrument));
        return due;
    }

    private static DueQuestionnaire.State state(LocalDate today, AssessmentService.Window window, LocalDate dueOn,
            @Nullable Assessment answered, boolean excused, @Nullable LocalDate leftOn) {
        if (answered != null) {
            return DueQuestionnaire.State.COMPLETED;
        }
        if (excused) {
            return DueQuestionnaire.State.NOT_EXPECTED;
        }
        if (today.isAfter(window.closes())) {
            return DueQuestionnaire.State.MISSED;
        }
        if (today.isBefore(window.opens())) {
            return DueQuestionnaire.State.UPCOMING;
        }
        // Once she left, nothing more is asked of her: what was open stays unanswered.
        if (leftOn != null) {
            return DueQuestionnaire.State.NOT_EXPECTED;
        }
        return today.isAfter(dueOn) ? DueQuestionnaire.State.LATE : DueQuestionnaire.State.OPEN;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CurrentUser.require().zone()));
    }

    private static String key(String participantId, String timepoint, String instrument) {
        return participantId + "/" + timepoint + "/" + instrument;
    }
}
