package org.researchportal.exercise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Raises a programme alert: stored, audited and announced to the therapist. Shared by session logging and the
 * inactivity sweep; a plain component, as both call it in the middle of an operation already checked.
 */
@Component
class RaisedAlerts {

    private final TenantDocuments documents;
    private final ProgrammeAlertRecords alerts;
    private final SessionLogRecords sessions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RaisedAlerts(TenantDocuments documents, ProgrammeAlertRecords alerts, SessionLogRecords sessions,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.documents = documents;
        this.alerts = alerts;
        this.sessions = sessions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The alerts a session just logged raises: a safety stop, and a rise in pain over the participant's baseline. */
    void afterSession(ParticipantRef me, SessionRecord session) {
        List<ProgrammeAlert.Kind> kinds = new ArrayList<>();
        if (session.safetyStop()) {
            kinds.add(ProgrammeAlert.Kind.SAFETY_STOP);
        }
        // The baseline needs only the first sessions, not every log the participant ever made.
        List<SessionRecord> earlier = sessions.firstSessions(me.id(), AlertRules.BASELINE_SESSIONS + 1).stream()
                .filter(s -> !s.id().equals(session.id())).limit(AlertRules.BASELINE_SESSIONS).toList();
        if (AlertRules.painRise(earlier, session)) {
            kinds.add(ProgrammeAlert.Kind.PAIN_RISE);
        }
        for (ProgrammeAlert.Kind kind : kinds) {
            raise(me.id(), me.studyId(), kind, session.date(), session.id());
        }
    }

    void raise(String participantId, String studyId, ProgrammeAlert.Kind kind, LocalDate sessionDate,
            @Nullable String sessionId) {
        ProgrammeAlert alert = alerts.raise(new ProgrammeAlert(participantId, studyId, kind, sessionDate,
                sessionId, clock.instant()));
        audit.record("alert.raised", "ProgrammeAlert", alert.requireId(), null, alert.toRecord(), null);
        events.publishEvent(new ProgrammeAlertRaised(documents.currentTenantId(), participantId, alert.requireId(),
                kind));
    }
}
