package org.researchportal.exercise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.participants.ParticipantService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * What the signed-in participant of the exercise arm records: their sessions (which may raise alerts for the therapist,
 * and then safety advice for them) and the weekly check-in.
 */
@Service
public class SessionLogging {

    private final SessionLogRecords sessions;
    private final ProgrammeAlertRecords raisedAlerts;
    private final ParticipantService participants;
    private final AuditTrail audit;
    private final ExerciseArm arm;
    private final ProgrammeRecords records;
    private final WeeklySummaries summaries;
    private final RaisedAlerts alerts;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    SessionLogging(SessionLogRecords sessions, ProgrammeAlertRecords raisedAlerts, ParticipantService participants,
            AuditTrail audit, ExerciseArm arm, ProgrammeRecords records, WeeklySummaries summaries,
            RaisedAlerts alerts, Clock clock, ClinicalRecordLocks locks) {
        this.locks = locks;
        this.sessions = sessions;
        this.raisedAlerts = raisedAlerts;
        this.participants = participants;
        this.audit = audit;
        this.arm = arm;
        this.records = records;
        this.summaries = summaries;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Logs a session of the signed-in participant of the exercise arm. */
    @Secured(Authorities.PARTICIPANT)
    public SessionRecord logSession(SessionEntry entry) {
        ParticipantRef me = arm.requireMe();
        locks.requireStudyOpen(me.studyId());
        Programme programme = records.programme(me.id());
        Map<String, String> errors = new HashMap<>();
        LocalDate today = arm.today(me);
        if (entry.date().isAfter(today) || entry.date().isBefore(programme.getStartDate())) {
            errors.put("date", "session.date.invalid");
        }
        Set<String> prescribed = new HashSet<>();
        programme.getItems().forEach(i -> prescribed.add(i.exercise()));
        if (entry.exercises().isEmpty() || !prescribed.containsAll(entry.exercises())) {
            errors.put("exercises", "session.exercises.invalid");
        }
        if (entry.minutes() < 1 || entry.minutes() > SessionLog.MAX_MINUTES) {
            errors.put("minutes", "session.minutes.invalid");
        }
        checkScale(errors, "exertion", entry.exertion());
        checkScale(errors, "painBefore", entry.painBefore());
        checkScale(errors, "painAfter", entry.painAfter());
        String note = Inputs.blankToNull(entry.note());
        if (note != null && note.length() > SessionLog.NOTE_MAX_LENGTH) {
            errors.put("note", "session.note.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        SessionLog log = sessions.log(new SessionLog(me.id(), me.studyId(), entry.date(), entry.exercises(),
                entry.minutes(), entry.exertion(), entry.painBefore(), entry.painAfter(), note, entry.safetyStop(),
                clock.instant()));
        audit.record("session.logged", "SessionLog", log.requireId(), null, log.toRecord(), null);
        // Alerts first: a summary that fails to update must not keep a safety stop from the therapist.
        alerts.afterSession(me, log.toRecord());
        summaries.refresh(me.id(), me.studyId(), entry.date());
        return log.toRecord();
    }

    /**
     * What the signed-in participant must be told about their latest session when it raised a safety stop or a pain
     * rise alert: the manual's stop rules of the exercises done and the study team's contact. Empty when the latest
     * session raised neither.
     */
    @Secured(Authorities.PARTICIPANT)
    public Optional<SafetyAdvice> mySafetyAdvice() {
        ParticipantRef me = arm.requireMe();
        Optional<SessionRecord> latest = sessions.latestSession(me.id());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        SessionRecord session = latest.get();
        Set<ProgrammeAlert.Kind> raised = raisedAlerts.raisedBy(me.id(), session.id());
        boolean stop = raised.contains(ProgrammeAlert.Kind.SAFETY_STOP);
        boolean rise = raised.contains(ProgrammeAlert.Kind.PAIN_RISE);
        if (!stop && !rise) {
            return Optional.empty();
        }
        Programme programme = records.programme(me.id());
        ExerciseManual manual = records.manualOf(programme);
        List<Text> stopRules = session.exercises().stream().map(manual::exercise).flatMap(Optional::stream)
                .map(ManualExercise::stopRule).distinct().toList();
        var team = participants.myParticipation();
        return Optional.of(new SafetyAdvice(session.date(), stop, rise, session.painBefore(), session.painAfter(),
                stopRules, team.map(t -> t.teamPhone()).orElse(null), team.map(t -> t.teamEmail()).orElse(null)));
    }

    /** The week's check-in of the signed-in participant of the exercise arm: one per week, Monday to Sunday. */
    @Secured(Authorities.PARTICIPANT)
    public CheckInRecord checkIn(int jointPain, int stiffness, boolean takingAromataseInhibitor,
            @Nullable String note) {
        ParticipantRef me = arm.requireMe();
        locks.requireStudyOpen(me.studyId());
        records.programme(me.id());
        Map<String, String> errors = new HashMap<>();
        checkScale(errors, "jointPain", jointPain);
        checkScale(errors, "stiffness", stiffness);
        String text = Inputs.blankToNull(note);
        if (text != null && text.length() > SessionLog.NOTE_MAX_LENGTH) {
            errors.put("note", "session.note.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try {
            WeeklyCheckIn checkIn = records.checkIn(new WeeklyCheckIn(me.id(), me.studyId(),
                    ProgrammeRecords.weekStart(arm.today(me)),
                    jointPain, stiffness, takingAromataseInhibitor, text, clock.instant()));
            audit.record("check-in.answered", "WeeklyCheckIn", checkIn.requireId(), null, checkIn.toRecord(), null);
            return checkIn.toRecord();
        } catch (DuplicateKeyException alreadyThisWeek) {
            throw ValidationException.of("jointPain", "check-in.exists");
        }
    }

    /** Whether this week's check-in is still to be answered. */
    @Secured(Authorities.PARTICIPANT)
    public boolean myCheckInDue() {
        ParticipantRef me = arm.requireMe();
        return !records.checkedIn(me.id(), ProgrammeRecords.weekStart(arm.today(me)));
    }

    private static void checkScale(Map<String, String> errors, String field, int value) {
        if (value < 0 || value > 10) {
            errors.put(field, "session.scale.invalid");
        }
    }
}
