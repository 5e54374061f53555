package org.researchportal.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The reads and writes of the outbox's messages (and of delivery reports that came before their message was written
 * as sent), in the tenant in scope. Every change of a message is one targeted update conditional on its status (and,
 * while it is being sent, on the lease), so a change never undoes another instance's claim.
 */
@Component
class OutboxRecords {

    private final TenantDocuments documents;

    OutboxRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    OutboxMessage add(OutboxMessage message) {
        return documents.insert(message);
    }

    Optional<OutboxMessage> message(String messageId) {
        return documents.findById(messageId, OutboxMessage.class);
    }

    /** What is planned under this idempotency key, if anything. */
    Optional<OutboxMessage> byKey(String idempotencyKey) {
        return documents.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)),
                OutboxMessage.class);
    }

    /** What is planned under any of these idempotency keys, by key, in one read. */
    Map<String, OutboxMessage> byKeys(Collection<String> idempotencyKeys) {
        return documents.find(Query.query(Criteria.where("idempotencyKey").in(idempotencyKeys)), OutboxMessage.class)
                .stream().collect(Collectors.toMap(OutboxMessage::getIdempotencyKey, message -> message));
    }

    /** A participant's messages, the latest due first. */
    List<OutboxMessage> messagesOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "dueAt")), OutboxMessage.class);
    }

    /** A participant's newest message of one purpose. */
    Optional<OutboxMessage> latestOf(String participantId, MessagePurpose purpose) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId).and("purpose")
                .is(purpose)).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1), OutboxMessage.class);
    }

    /** The newest messages of one study (to its participants and about it) or of all, newest first. */
    List<OutboxMessage> latest(int limit, @Nullable String studyId) {
        Query query = studyId == null ? new Query() : Query.query(Criteria.where("studyId").is(studyId));
        return documents.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                OutboxMessage.class);
    }

    // What is still pending, found for cancelling.

    /** A participant's pending messages, on one channel or all. */
    List<OutboxMessage> pendingFor(String participantId, @Nullable Channel onlyChannel) {
        Criteria which = Criteria.where("participantId").is(participantId);
        return pending(onlyChannel == null ? which : which.and("channel").is(onlyChannel));
    }

    /** The pending SMS to a phone number, found by the number's keyed hash. */
    List<OutboxMessage> pendingSmsTo(String recipientLookup) {
        return pending(Criteria.where("recipientLookup").is(recipientLookup).and("channel").is(Channel.SMS));
    }

    /** The pending messages planned under any of these keys. */
    List<OutboxMessage> pendingWithKeys(Collection<String> idempotencyKeys) {
        return pending(Criteria.where("idempotencyKey").in(idempotencyKeys));
    }

    /** A call's pending reminders, for any day, or for any day but {@code keptDay}. */
    List<OutboxMessage> pendingCallReminders(String callId, @Nullable LocalDate keptDay) {
        String prefix = "^" + Pattern.quote(ReminderPlanner.callReminderPrefix(callId));
        return pending(Criteria.where("idempotencyKey").regex(keptDay == null ? prefix
                : prefix + "(?!" + Pattern.quote(keptDay + ":") + ")"));
    }

    /** The pending messages of one purpose to any of these participants. */
    List<OutboxMessage> pendingOfPurpose(MessagePurpose purpose, Collection<String> participantIds) {
        return pending(Criteria.where("participantId").in(participantIds).and("purpose").is(purpose));
    }

    /** The pending messages of these purposes about a study's participants. */
    List<OutboxMessage> pendingOfStudy(String studyId, Collection<MessagePurpose> purposes) {
        return pending(Criteria.where("studyId").is(studyId).and("purpose").in(purposes));
    }

    private List<OutboxMessage> pending(Criteria which) {
        return documents.find(Query.query(which).addCriteria(Criteria.where("status")
                .is(OutboxMessage.Status.PENDING)), OutboxMessage.class);
    }

    // A coordinator's or planning's changes: each only while the message is still in the state it was found in.

    /** Cancels a message if it is still pending (one being claimed meanwhile stays claimed); answers whether it did. */
    boolean cancelIfPending(String messageId, String reason, @Nullable String changedBy) {
        Update update = new Update().set("status", OutboxMessage.Status.CANCELLED).set("failureReason", reason);
        if (changedBy != null) {
            update.set("changedBy", changedBy);
        }
        return ifIn(messageId, OutboxMessage.Status.PENDING, update);
    }

    /** Makes a failed message pending again, due now, with a fresh count of tries; answers whether it did. */
    boolean resendIfFailed(String messageId, int attemptsBefore, Instant now, String changedBy) {
        return ifIn(messageId, OutboxMessage.Status.FAILED, new Update().set("status", OutboxMessage.Status.PENDING)
                .set("dueAt", now).unset("failureReason").set("attemptsBeforeResend", attemptsBefore)
                .set("claims", 0).unset("handedOverAt").set("changedBy", changedBy));
    }

    /** New time and words for a message still pending, under the same key; answers whether it changed. */
    boolean replanIfPending(String messageId, NewMessage replacement, String recipientLookup) {
        return ifIn(messageId, OutboxMessage.Status.PENDING, new Update().set("dueAt", replacement.dueAt())
                .set("recipient", replacement.recipient()).set("recipientLookup", recipientLookup)
                .set("locale", replacement.locale().toLanguageTag()).set("subject", replacement.subject())
                .set("body", replacement.body()).set("htmlBody", replacement.htmlBody()));
    }

    private boolean ifIn(String messageId, OutboxMessage.Status status, Update update) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(messageId).and("status").is(status)),
                update, OutboxMessage.class) > 0;
    }

    // The provider's delivery reports.

    /**
     * Records a report on the message sent under the provider's id: delivered, or (with a reason) not delivered.
     * Only a message still written as sent takes it, so a report never moves a message back.
     */
    boolean reportDelivery(String providerId, boolean delivered, @Nullable String failureReason, Instant at) {
        Update update = delivered ? new Update().set("status", OutboxMessage.Status.DELIVERED)
                : new Update().set("status", OutboxMessage.Status.FAILED).set("failureReason", failureReason);
        return documents.updateFirst(Query.query(Criteria.where("providerId").is(providerId).and("status")
                .is(OutboxMessage.Status.SENT)), update.set("deliveryReportedAt", at), OutboxMessage.class) > 0;
    }

    /** Whether a message was written as sent under the provider's id. */
    boolean sentUnder(String providerId) {
        return documents.exists(Query.query(Criteria.where("providerId").is(providerId)), OutboxMessage.class);
    }

    void keepEarlyReport(EarlyDeliveryReport report) {
        documents.insert(report);
    }

    /** The reports kept for any of these provider ids: one read for a page of sends. */
    List<EarlyDeliveryReport> earlyReports(Collection<String> providerIds) {
        return documents.find(Query.query(Criteria.where("providerId").in(providerIds)), EarlyDeliveryReport.class);
    }

    void forgetEarlyReport(EarlyDeliveryReport report) {
        documents.remove(Query.query(Criteria.where("_id").is(report.requireId())), EarlyDeliveryReport.class);
    }

    // The dispatcher's claims and leases.

    /**
     * The ids of up to {@code limit} messages due now, the longest due first (only their ids are read): pending and
     * due, or being sent with a lease run out. The two statuses are named at the top of the query too, so the
     * tenant/status/due index finds them among the tenant's messages (the sent ones, most of them, are not read).
     */
    List<String> dueIds(Instant now, int limit) {
        Query due = new Query(Criteria.where("status").in(OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING))
                .addCriteria(dueNow(now)).with(Sort.by("dueAt")).limit(limit);
        due.fields().include("_id");
        return documents.find(due, OutboxMessage.class).stream().map(OutboxMessage::requireId).toList();
    }

    /**
     * Claims those of these messages still due, with an atomic lease, under one claim's own name: answers the ones it
     * got (none another claim got too). Two round trips for a whole page: one update of all, one read of what this
     * claim holds.
     */
    List<OutboxMessage> claim(Collection<String> messageIds, String claim, Instant now, Duration lease) {
        documents.updateMulti(new Query(Criteria.where("_id").in(messageIds)).addCriteria(dueNow(now)),
                new Update().set("status", OutboxMessage.Status.SENDING).set("leaseOwner", claim)
                        .set("leaseUntil", now.plus(lease)).inc("claims", 1), OutboxMessage.class);
        return documents.find(Query.query(Criteria.where("_id").in(messageIds).and("status")
                .is(OutboxMessage.Status.SENDING).and("leaseOwner").is(claim)), OutboxMessage.class);
    }

    /** Pending and due, or being sent with its lease run out (the instance sending it stopped). */
    private static Criteria dueNow(Instant now) {
        return new Criteria().orOperator(
                Criteria.where("status").is(OutboxMessage.Status.PENDING).and("dueAt").lte(now),
                Criteria.where("status").is(OutboxMessage.Status.SENDING).and("leaseUntil").lt(now));
    }

    /** Gives a claimed message back, pending until a later time, if the claim still holds it. */
    void postpone(String messageId, String claim, Instant dueAt) {
        documents.updateFirst(Query.query(Criteria.where("_id").is(messageId).and("leaseOwner").is(claim)),
                new Update().set("status", OutboxMessage.Status.PENDING).set("dueAt", dueAt).unset("leaseOwner")
                        .unset("leaseUntil"), OutboxMessage.class);
    }

    /** Marks a claimed message as handed to the provider; false when the claim no longer holds it. */
    boolean handOver(String messageId, String claim, Instant at) {
        return documents.updateFirst(heldBy(messageId, claim), new Update().set("handedOverAt", at),
                OutboxMessage.class) > 0;
    }

    /** Writes the outcome of a send and ends the lease, if the claim still holds it; false when it does not. */
    boolean finish(String messageId, String claim, Outcome outcome) {
        return documents.updateFirst(heldBy(messageId, claim), outcome.update.unset("leaseOwner")
                .unset("leaseUntil").unset("handedOverAt"), OutboxMessage.class) > 0;
    }

    private static Query heldBy(String messageId, String claim) {
        return Query.query(Criteria.where("_id").is(messageId).and("status").is(OutboxMessage.Status.SENDING)
                .and("leaseOwner").is(claim));
    }

    /** What a send came to, with its attempt: sent, to be tried again later, or failed. */
    static final class Outcome {

        private final Update update;

        private Outcome(Update update) {
            this.update = update;
        }

        static Outcome sent(String providerId, OutboxMessage.Attempt attempt) {
            return new Outcome(new Update().set("status", OutboxMessage.Status.SENT).set("providerId", providerId)
                    .push("attempts", attempt));
        }

        static Outcome retryAt(Instant dueAt, OutboxMessage.Attempt attempt) {
            return new Outcome(new Update().set("status", OutboxMessage.Status.PENDING).set("dueAt", dueAt)
                    .push("attempts", attempt));
        }

        static Outcome failed(String reason, OutboxMessage.Attempt attempt) {
            return new Outcome(new Update().set("status", OutboxMessage.Status.FAILED).set("failureReason", reason)
                    .push("attempts", attempt));
        }
    }
}
