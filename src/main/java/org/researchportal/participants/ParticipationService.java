package org.researchportal.participants;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The course of participation after screening: withdrawal (a candidate who declines, or a participant who leaves),
 * loss to follow-up, and protocol deviations, each with its date and reason. The allocation is never touched.
 */
@Service
public class ParticipationService {

    private static final Set<ParticipantStatus> MAY_WITHDRAW = Set.of(ParticipantStatus.SCREENED,
            ParticipantStatus.ELIGIBLE, ParticipantStatus.ENROLLED, ParticipantStatus.LOST_TO_FOLLOW_UP);

    private final TenantDocuments documents;
    private final ParticipantRecords records;
    private final ParticipantChanges changes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    ParticipationService(TenantDocuments documents, ParticipantRecords records, ParticipantChanges changes,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock, ClinicalRecordLocks locks) {
        this.locks = locks;
        this.documents = documents;
        this.records = records;
        this.changes = changes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Secured(Authorities.CLINICIAN)
    public void withdraw(String participantId, LocalDate on, String reason) {
        changeStatus(participantId, ParticipantStatus.WITHDRAWN, MAY_WITHDRAW, on, reason);
    }

    @Secured(Authorities.CLINICIAN)
    public void markLostToFollowUp(String participantId, LocalDate on, String reason) {
        changeStatus(participantId, ParticipantStatus.LOST_TO_FOLLOW_UP, Set.of(ParticipantStatus.ENROLLED), on,
                reason);
    }

    @Secured(Authorities.CLINICIAN)
    public void recordDeviation(String participantId, LocalDate on, String description) {
        Participant participant = records.participant(participantId);
        locks.requireStudyOpen(participant.getStudyId());
        check(participant, on, description, "description");
        var deviation = new ProtocolDeviation(on, description.trim(), CurrentUser.require().username(),
                clock.instant());
        changes.addDeviation(participantId, deviation);
        audit.record("participant.deviation-recorded", ParticipantService.ENTITY, participantId, null,
                Map.of("deviation", deviation), null);
    }

    private void changeStatus(String participantId, ParticipantStatus to, Set<ParticipantStatus> from,
            LocalDate on, String reason) {
        Participant participant = records.participant(participantId);
        locks.requireStudyOpen(participant.getStudyId());
        if (!from.contains(participant.getStatus())) {
            throw ValidationException.of("reason", "participation.status.not-now");
        }
        check(participant, on, reason, "reason");
        var change = new StatusChange(to, on, reason.trim(), CurrentUser.require().username(), clock.instant());
        if (!changes.changeStatus(participantId, participant.getStatus(), change, clock.instant())) {
            throw ValidationException.of("reason", "participation.status.not-now");
        }
        audit.record("participant.status-changed", ParticipantService.ENTITY, participantId,
                Map.of("status", participant.getStatus().name()), Map.of("status", to.name(), "change", change),
                reason.trim());
        events.publishEvent(new ContactEnded(documents.currentTenantId(), participantId, null,
                "Participant " + to.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
    }

    private void check(Participant participant, LocalDate on, String text, String textField) {
        Map<String, String> errors = new HashMap<>();
        if (on.isAfter(LocalDate.now(clock.withZone(CurrentUser.require().zone())))
                || on.isBefore(participant.getScreenedOn())) {
            errors.put("effectiveOn", "participation.date.invalid");
        }
        if (Inputs.isBlankOrLonger(text, ScreeningService.REASON_MAX_LENGTH)) {
            errors.put(textField, "change.reason.required");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
