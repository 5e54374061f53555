package org.researchportal.messaging;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.SealedValues;
import org.researchportal.participants.ParticipantContacts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The one outbox. Planning puts messages in under their idempotency key (a second plan of the same send finds the
 * first); coordinators read a participant's messages, cancel what is pending and send a failed one again.
 */
@Service
public class Outbox {

    static final int BODY_MAX_LENGTH = 1600;

    private final OutboxRecords records;
    private final AuditTrail audit;
    private final Clock clock;
    private final SealedValues sealed;
    private final ParticipantContacts participants;
    private final StudyNames studies;

    Outbox(OutboxRecords records, AuditTrail audit, Clock clock, SealedValues sealed,
            ParticipantContacts participants, StudyNames studies) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
        this.sealed = sealed;
        this.participants = participants;
        this.studies = studies;
    }

    /** Puts a message in the outbox, or answers the one already planned under its key. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.THERAPIST, Authorities.COORDINATOR})
    public OutboxMessage enqueue(NewMessage message) {
        if (Inputs.isBlankOrLonger(message.idempotencyKey(), 200) || message.recipient().isBlank()
                || message.body().isBlank() || message.body().length() > BODY_MAX_LENGTH) {
            throw ValidationException.of("message", "message.invalid");
        }
        // A message about a participant or a study names one of this tenant's, and the participant's own study.
        if (message.participantId() != null) {
            var contact = participants.contact(message.participantId())
                    .orElseThrow(() -> new NotFoundException("Participant", message.participantId()));
            if (message.studyId() != null && !message.studyId().equals(contact.studyId())) {
                throw ValidationException.of("message", "message.invalid");
            }
        } else if (message.studyId() != null && studies.study(message.studyId()).isEmpty()) {
            throw new NotFoundException("Study", message.studyId());
        }
        try {
            return records.add(new OutboxMessage(message, sealed.lookup(message.recipient()), clock.instant()));
        } catch (DuplicateKeyException plannedAlready) {
            return records.byKey(message.idempotencyKey()).orElseThrow(() -> plannedAlready);
        }
    }

    /** Cancels the pending messages found, one by one so a message being claimed meanwhile stays claimed. */
    private int cancelEach(List<OutboxMessage> pending, String reason) {
        int cancelled = 0;
        for (OutboxMessage message : pending) {
            cancelled += records.cancelIfPending(message.requireId(), reason, null) ? 1 : 0;
        }
        return cancelled;
    }

    /** Cancels the SMS still pending to a phone number (its own STOP); the number is found by its keyed hash. */
    int cancelPendingSms(String phone, String reason) {
        return cancelEach(records.pendingSmsTo(sealed.lookup(phone)), reason);
    }

    /** Cancels the pending messages planned under any of these keys. */
    int cancelPendingWithKeys(Collection<String> idempotencyKeys, String reason) {
        return cancelEach(records.pendingWithKeys(idempotencyKeys), reason);
    }

    /**
     * Cancels the pending messages of one purpose to these participants that planning no longer wants (their key,
     * without its channel, is not wanted): one read.
     */
    int cancelPendingUnwanted(MessagePurpose purpose, Collection<String> participantIds, Predicate<String> wanted,
            String reason) {
        if (participantIds.isEmpty()) {
            return 0;
        }
        return cancelEach(records.pendingOfPurpose(purpose, participantIds).stream().filter(message -> !wanted.test(
                message.getIdempotencyKey().substring(0, message.getIdempotencyKey().lastIndexOf(':')))).toList(),
                reason);
    }

    /** Cancels a call's pending reminders, of every day or of every day but {@code keptDay}. */
    int cancelPendingCallReminders(String callId, @Nullable LocalDate keptDay, String reason) {
        return cancelEach(records.pendingCallReminders(callId, keptDay), reason);
    }

    /**
     * Cancels the pending reminders these calls have for any day but the one each is now expected on, found in one
     * read of their participants' pending call reminders.
     */
    int cancelCallRemindersOnOtherDays(Collection<DueReminders.ExpectedCall> calls) {
        if (calls.isEmpty()) {
            return 0;
        }
        List<OutboxMessage> pending = records.pendingOfPurpose(MessagePurpose.CALL_REMINDER, calls.stream()
                .map(DueReminders.ExpectedCall::participantId).collect(Collectors.toSet()));
        int cancelled = 0;
        for (DueReminders.ExpectedCall call : calls) {
            String ofTheCall = ReminderPlanner.callReminderPrefix(call.callId());
            String onItsDay = ofTheCall + call.day() + ":";
            cancelled += cancelEach(pending.stream().filter(message -> message.getIdempotencyKey()
                    .startsWith(ofTheCall) && !message.getIdempotencyKey().startsWith(onItsDay)).toList(),
                    "The call moved to " + call.day());
        }
        return cancelled;
    }

    /** What is planned under these keys, by key (so planning need not prepare it again): one read. */
    Map<String, OutboxMessage> planned(Collection<String> idempotencyKeys) {
        return records.byKeys(idempotencyKeys);
    }

    /**
     * Re-plans a message not yet sent: its time and words change, its key stays. A message claimed or sent
     * meanwhile is left as it is; answers whether it changed.
     */
    boolean replan(OutboxMessage pending, NewMessage replacement) {
        return records.replanIfPending(pending.requireId(), replacement, sealed.lookup(replacement.recipient()));
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public List<OutboxMessage> messagesOf(String participantId) {
        return records.messagesOf(participantId);
    }

    /** A participant's newest message of one purpose, for the module's own services (they check the role). */
    Optional<OutboxMessage> latestOf(String participantId, MessagePurpose purpose) {
        return records.latestOf(participantId, purpose);
    }

    /** The latest messages of the tenant, newest first: the developer outbox and the coordinators' log. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public List<OutboxMessage> latest(int limit) {
        return latest(limit, null);
    }

    /** The same, for one study only (the messages to its participants and about it); null: all. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public List<OutboxMessage> latest(int limit, @Nullable String studyId) {
        return records.latest(limit, studyId);
    }

    /** Cancels a pending message; one already sent or being sent stays as it is. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public void cancel(String messageId, String reason) {
        change(messageId, reason, OutboxMessage.Status.PENDING,
                changedBy -> records.cancelIfPending(messageId, reason.trim(), changedBy), "message.cancelled");
    }

    /** Sends a failed message again, now. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public void resend(String messageId, String reason) {
        int attempts = records.message(messageId).map(m -> m.getAttempts().size()).orElse(0);
        change(messageId, reason, OutboxMessage.Status.FAILED,
                changedBy -> records.resendIfFailed(messageId, attempts, clock.instant(), changedBy),
                "message.resent");
    }

    /** Cancels everything still pending for a participant (withdrawal, consent revoked); answers how many. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public int cancelPendingFor(String participantId, @Nullable Channel onlyChannel, String reason) {
        int cancelled = cancelEach(records.pendingFor(participantId, onlyChannel), reason);
        if (cancelled > 0) {
            audit.record("messages.cancelled", "Participant", participantId, null,
                    Map.of("cancelled", cancelled, "channel", onlyChannel == null ? "all" : onlyChannel), reason);
        }
        return cancelled;
    }

    /**
     * Cancels the reminders still pending to a study's participants (sessions, video links, calls, assessments): its
     * database is locked, so nothing more is asked of them. Answers how many; audited.
     */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public int cancelPendingReminders(String studyId, String reason) {
        int cancelled = cancelEach(records.pendingOfStudy(studyId, MessagePurpose.REMINDERS), reason);
        if (cancelled > 0) {
            audit.record("messages.cancelled", "Study", studyId, null, Map.of("cancelled", cancelled), reason);
        }
        return cancelled;
    }

    /**
     * Records what the provider reported about a sent message: delivered, or undelivered / failed with its error.
     * A report never moves a message back (a late "sent" after "delivered" changes nothing).
     */
    @Secured(Authorities.COORDINATOR)
    public boolean recordDelivery(String providerId, String providerStatus, @Nullable String errorCode) {
        boolean applied;
        switch (providerStatus.toLowerCase(java.util.Locale.ROOT)) {
            case "delivered" -> applied = records.reportDelivery(providerId, true, null, clock.instant());
            case "undelivered", "failed" -> applied = records.reportDelivery(providerId, false, "Not delivered"
                    + (errorCode == null ? "" : " (Twilio error " + errorCode + ")"), clock.instant());
            default -> {
                return false;
            }
        }
        if (!applied && !records.sentUnder(providerId)) {
            // Faster than our own write of "sent": kept for the dispatcher to apply once it has written it.
            records.keepEarlyReport(new EarlyDeliveryReport(providerId, providerStatus, errorCode, clock.instant()));
        }
        return applied;
    }

    /** Applies the reports that arrived before their messages were written as sent: one read for them all. */
    void applyEarlyReports(Collection<String> providerIds) {
        if (providerIds.isEmpty()) {
            return;
        }
        for (EarlyDeliveryReport report : records.earlyReports(providerIds)) {
            recordDelivery(report.getProviderId(), report.getProviderStatus(), report.getErrorCode());
            records.forgetEarlyReport(report);
        }
    }

    /** A coordinator's change of a message still in state {@code from}, made by {@code write} in their name. */
    private void change(String messageId, String reason, OutboxMessage.Status from,
            java.util.function.Predicate<String> write, String action) {
        OutboxMessage message = records.message(messageId)
                .orElseThrow(() -> new NotFoundException("OutboxMessage", messageId));
        if (Inputs.isBlankOrLonger(reason, 500)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        if (!write.test(CurrentUser.require().username())) {
            throw ValidationException.of("reason", "message.state-changed");
        }
        audit.record(action, "OutboxMessage", messageId, Map.of("status", message.getStatus()),
                Map.of("status", from == OutboxMessage.Status.PENDING ? OutboxMessage.Status.CANCELLED
                        : OutboxMessage.Status.PENDING), reason.trim());
    }
}
