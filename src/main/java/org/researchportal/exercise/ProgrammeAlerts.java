package org.researchportal.exercise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.exercise.ProgrammeRecords.Followed;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The therapist's alerts on programmes: a safety stop or a rise in pain after a session, and a week without sessions
 * found by the daily inactivity sweep.
 */
@Service
public class ProgrammeAlerts {

    static final int INACTIVE_DAYS = 7;

    private final ProgrammeAlertRecords alertRecords;
    private final AuditTrail audit;
    private final ExerciseArm arm;
    private final ProgrammeRecords records;
    private final SessionLogRecords sessions;
    private final RaisedAlerts alerts;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    ProgrammeAlerts(ProgrammeAlertRecords alertRecords, AuditTrail audit, ExerciseArm arm, ProgrammeRecords records,
            SessionLogRecords sessions, RaisedAlerts alerts, Clock clock, ClinicalRecordLocks locks) {
        this.locks = locks;
        this.alertRecords = alertRecords;
        this.audit = audit;
        this.arm = arm;
        this.records = records;
        this.sessions = sessions;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** A participant's alerts, newest first, open and handled alike. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public List<AlertRecord> alerts(String participantId) {
        arm.participant(participantId);
        return alertRecords.alertsOf(participantId).stream().map(ProgrammeAlert::toRecord).toList();
    }

    /** Marks an open alert handled; the note says what was done. An alert is handled once. */
    @Secured(Authorities.THERAPIST)
    public AlertRecord handleAlert(String alertId, String note) {
        ProgrammeAlert alert = alertRecords.findAlert(alertId).orElseThrow(() -> new NotFoundException("ProgrammeAlert",
                alertId));
        locks.requireStudyOpen(alert.getStudyId());
        if (Inputs.isBlankOrLonger(note, ProgrammeAlert.NOTE_MAX_LENGTH)) {
            throw ValidationException.of("note", "alert.note.required");
        }
        if (!alertRecords.handle(alertId, clock.instant(), CurrentUser.require().username(), note.trim())) {
            throw ValidationException.of("note", "alert.already-handled");
        }
        AlertRecord handled = alertRecords.alert(alertId).toRecord();
        audit.record("alert.handled", "ProgrammeAlert", alertId, alert.toRecord(), handled, note.trim());
        return handled;
    }

    /**
     * Raises a "no session for a week" alert for every programme whose last activity (last session, or the start) is
     * 7 or more days old, once per quiet spell. Run daily for each tenant; answers how many it raised. The programmes,
     * their participants, their last sessions and their earlier quiet-week alerts are each read once for the tenant.
     */
    @Secured(Authorities.THERAPIST)
    public int raiseInactivityAlerts() {
        // A locked study's programmes are over for the analysis: no alert is raised about them.
        Map<String, Boolean> locked = new HashMap<>();
        List<Followed> followed = records.followedProgrammes().stream().filter(f -> !locked.computeIfAbsent(f
                .programme().getStudyId(), locks::studyLocked)).toList();
        if (followed.isEmpty()) {
            return 0;
        }
        List<String> ids = followed.stream().map(f -> f.participant().id()).toList();
        Map<String, LocalDate> lastSessions = sessions.lastSessionDays(ids);
        Set<String> alerted = alertRecords.quietSpellsAlerted(ids);
        int raised = 0;
        for (Followed each : followed) {
            Programme programme = each.programme();
            LocalDate today = arm.today(each.participant());
            LocalDate lastActivity = lastSessions.getOrDefault(programme.getParticipantId(),
                    programme.getStartDate());
            boolean quietWeek = !lastActivity.isAfter(today.minusDays(INACTIVE_DAYS));
            if (quietWeek && alerted.add(ProgrammeAlertRecords.quietSpell(programme.getParticipantId(),
                    lastActivity))) {
                alerts.raise(programme.getParticipantId(), programme.getStudyId(), ProgrammeAlert.Kind.NO_SESSIONS,
                        lastActivity, null);
                raised++;
            }
        }
        return raised;
    }
}
