package org.researchportal.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.SealedValues;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The one outbox. Planning puts messages in under their idempotency key (a second plan of the same send finds the
 * first); coordinators read a participant's messages, cancel what is pending and send a failed one again.
 */
@Service
public class Outbox {

    static final int BODY_MAX_LENGTH = 1600;

    private final TenantDocuments documents;
    private final AuditTrail audit;
    private final Clock clock;
    private final SealedValues sealed;
    private final ParticipantContacts participants;
    private final StudyNames studies;

    Outbox(TenantDocuments documents, AuditTrail audit, Clock clock, SealedValues sealed,
            ParticipantContacts participants, StudyNames studies) {
        this.documents = documents;
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
            return documents.insert(new OutboxMessage(message, sealed.lookup(message.recipient()), clock.instant()));
        } catch (DuplicateKeyException plannedAlready) {
            return byKey(message.idempotencyKey()).orElseThrow(() -> plannedAlready);
        }
    }

    /** Cancels the pending messages that match, one by one so a message being claimed meanwhile stays claimed. */
    int cancelPending(Criteria which, String reason) {
        int cancelled = 0;
        for (OutboxMessage pending : documents.find(Query.query(which).addCriteria(Criteria.where("status")
                .is(OutboxMessage.Status.PENDING)), OutboxMessage.class)) {
            cancelled += (int) documents.updateFirst(Query.query(Criteria.where("_id").is(pending.requireId())
                    .and("status").is(OutboxMessage.Status.PENDING)), new Update().set("status",
                            OutboxMessage.Status.CANCELLED).set("failureReason", reason), OutboxMessage.class);
        }
        return cancelled;
    }

    /** Cancels the SMS still pending to a phone number (its own STOP); the number is found by its keyed hash. */
    int cancelPendingSms(String phone, String reason) {
        return cancelPending(Criteria.where("recipientLookup").is(sealed.lookup(phone)).and("channel")
                .is(Channel.SMS), reason);
    }

    /** What is planned under this key, if anything (so planning need not prepare it again). */
    java.util.Optional<OutboxMessage> planned(String idempotencyKey) {
        return byKey(idempotencyKey);
    }

    /**
     * Re-plans a message not yet sent: its time and words change, its key stays. A message claimed or sent
     * meanwhile is left as it is; answers whether it changed.
     */
    boolean replan(OutboxMessage pending, NewMessage replacement) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(pending.requireId()).and("status")
                .is(OutboxMessage.Status.PENDING)), new Update().set("dueAt", replacement.dueAt())
                        .set("recipient", replacement.recipient())
                        .set("recipientLookup", sealed.lookup(replacement.recipient())).set("locale", replacement.locale().toLanguageTag())
                        .set("subject", replacement.subject()).set("body", replacement.body())
                        .set("htmlBody", replacement.htmlBody()), OutboxMessage.class) > 0;
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public List<OutboxMessage> messagesOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "dueAt")), OutboxMessage.class);
    }

    /** A participant's newest message of one purpose, for the module's own services (they check the role). */
    Optional<OutboxMessage> latestOf(String participantId, MessagePurpose purpose) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId).and("purpose")
                .is(purpose)).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1), OutboxMessage.class);
    }

    /** The latest messages of the tenant, newest first: the developer outbox and the coordinators' log. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public List<OutboxMessage> latest(int limit) {
        return latest(limit, null);
    }

    /** The same, for one study only (the messages to its participants and about it); null: all. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public List<OutboxMessage> latest(int limit, @Nullable String studyId) {
        Query query = studyId == null ? new Query() : Query.query(Criteria.where("studyId").is(studyId));
        return documents.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                OutboxMessage.class);
    }

    /** Cancels a pending message; one already sent or being sent stays as it is. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public void cancel(String messageId, String reason) {
        change(messageId, reason, OutboxMessage.Status.PENDING, new Update().set("status",
                OutboxMessage.Status.CANCELLED).set("failureReason", reason.trim()), "message.cancelled");
    }

    /** Sends a failed message again, now. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR})
    public void resend(String messageId, String reason) {
        int attempts = documents.findById(messageId, OutboxMessage.class).map(m -> m.getAttempts().size()).orElse(0);
        change(messageId, reason, OutboxMessage.Status.FAILED, new Update().set("status",
                OutboxMessage.Status.PENDING).set("dueAt", clock.instant()).unset("failureReason")
                .set("attemptsBeforeResend", attempts).set("claims", 0).unset("handedOverAt"), "message.resent");
    }

    /** Cancels everything still pending for a participant (withdrawal, consent revoked); answers how many. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public int cancelPendingFor(String participantId, @Nullable Channel onlyChannel, String reason) {
        Criteria which = Criteria.where("participantId").is(participantId);
        if (onlyChannel != null) {
            which = which.and("channel").is(onlyChannel);
        }
        int cancelled = cancelPending(which, reason);
        if (cancelled > 0) {
            audit.record("messages.cancelled", "Participant", participantId, null,
                    Map.of("cancelled", cancelled, "channel", onlyChannel == null ? "all" : onlyChannel), reason);
        }
        return cancelled;
    }

    /**
     * Records what the provider reported about a sent message: delivered, or undelivered / failed with its error.
     * A report never moves a message back (a late "sent" after "delivered" changes nothing).
     */
    @Secured(Authorities.COORDINATOR)
    public boolean recordDelivery(String providerId, String providerStatus, @Nullable String errorCode) {
        Update update;
        switch (providerStatus.toLowerCase(java.util.Locale.ROOT)) {
            case "delivered" -> update = new Update().set("status", OutboxMessage.Status.DELIVERED);
            case "undelivered", "failed" -> update = new Update().set("status", OutboxMessage.Status.FAILED)
                    .set("failureReason", "Not delivered" + (errorCode == null ? "" : " (Twilio error " + errorCode
                            + ")"));
            default -> {
                return false;
            }
        }
        boolean applied = documents.updateFirst(Query.query(Criteria.where("providerId").is(providerId)
                .and("status").is(OutboxMessage.Status.SENT)), update.set("deliveryReportedAt", clock.instant()),
                OutboxMessage.class) > 0;
        if (!applied && !documents.exists(Query.query(Criteria.where("providerId").is(providerId)),
                OutboxMessage.class)) {
            // Faster than our own write of "sent": kept for the dispatcher to apply once it has written it.
            documents.insert(new EarlyDeliveryReport(providerId, providerStatus, errorCode, clock.instant()));
        }
        return applied;
    }

    /** Applies a report that arrived before the message was written as sent. */
    void applyEarlyReports(String providerId) {
        for (EarlyDeliveryReport report : documents.find(Query.query(Criteria.where("providerId").is(providerId)),
                EarlyDeliveryReport.class)) {
            recordDelivery(providerId, report.getProviderStatus(), report.getErrorCode());
            documents.remove(Query.query(Criteria.where("_id").is(report.requireId())), EarlyDeliveryReport.class);
        }
    }

    private void change(String messageId, String reason, OutboxMessage.Status from, Update update, String action) {
        OutboxMessage message = documents.findById(messageId, OutboxMessage.class)
                .orElseThrow(() -> new NotFoundException("OutboxMessage", messageId));
        if (Inputs.isBlankOrLonger(reason, 500)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        long changed = documents.updateFirst(Query.query(Criteria.where("_id").is(messageId).and("status").is(from)),
                update.set("changedBy", CurrentUser.require().username()), OutboxMessage.class);
        if (changed == 0) {
            throw ValidationException.of("reason", "message.state-changed");
        }
        audit.record(action, "OutboxMessage", messageId, Map.of("status", message.getStatus()),
                Map.of("status", from == OutboxMessage.Status.PENDING ? OutboxMessage.Status.CANCELLED
                        : OutboxMessage.Status.PENDING), reason.trim());
    }

    private java.util.Optional<OutboxMessage> byKey(String key) {
        return documents.findOne(Query.query(Criteria.where("idempotencyKey").is(key)), OutboxMessage.class);
    }
}
