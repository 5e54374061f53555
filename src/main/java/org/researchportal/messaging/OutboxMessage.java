package org.researchportal.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.storage.PersonalText;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.convert.ValueConverter;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message of the outbox: what, to whom, when, and everything that happened to it. Its idempotency key is unique
 * within the tenant, so planning a send twice never makes two messages. A dispatcher owns it only while its lease
 * runs; every attempt is kept.
 */
@Document("outbox_messages")
@CompoundIndexes({
        @CompoundIndex(name = "tenant_key", def = "{'tenantId': 1, 'idempotencyKey': 1}", unique = true),
        @CompoundIndex(name = "tenant_status_due_lease",
                def = "{'tenantId': 1, 'status': 1, 'dueAt': 1, 'leaseUntil': 1}"),
        @CompoundIndex(name = "tenant_participant", def = "{'tenantId': 1, 'participantId': 1, 'dueAt': -1}"),
        @CompoundIndex(name = "tenant_participant_status_purpose",
                def = "{'tenantId': 1, 'participantId': 1, 'status': 1, 'purpose': 1}"),
        @CompoundIndex(name = "tenant_provider", def = "{'tenantId': 1, 'providerId': 1}"),
        @CompoundIndex(name = "tenant_created", def = "{'tenantId': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "tenant_study_created", def = "{'tenantId': 1, 'studyId': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "tenant_study_status_purpose",
                def = "{'tenantId': 1, 'studyId': 1, 'status': 1, 'purpose': 1}"),
        @CompoundIndex(name = "tenant_recipient_status_channel",
                def = "{'tenantId': 1, 'recipientLookup': 1, 'status': 1, 'channel': 1}")
})
public class OutboxMessage extends TenantOwnedDocument {

    public enum Status {
        PENDING, SENDING, SENT, DELIVERED, FAILED, CANCELLED;

        public String messageKey() {
            return "message.status." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** One try to hand the message to its provider, and how it ended. */
    public record Attempt(Instant at, String worker, Outcome outcome, @Nullable String code,
            @Nullable String detail) {

        public enum Outcome {
            SENT, RETRY, FAILED
        }
    }

    private String idempotencyKey;
    private MessagePurpose purpose;
    private Channel channel;
    // Personal data, sealed at rest: the address, and texts that may name the person.
    @ValueConverter(PersonalText.class)
    private String recipient;
    /** The recipient's keyed hash: a STOP by SMS finds the messages to its number by it. */
    private @Nullable String recipientLookup;
    private @Nullable String participantId;
    private @Nullable String studyId;
    private String locale;
    @ValueConverter(PersonalText.class)
    private @Nullable String subject;
    @ValueConverter(PersonalText.class)
    private String body;
    @ValueConverter(PersonalText.class)
    private @Nullable String htmlBody;
    private Instant dueAt;
    private Status status = Status.PENDING;
    private List<Attempt> attempts = new ArrayList<>();
    private @Nullable String leaseOwner;
    private @Nullable Instant leaseUntil;
    /**
     * When this claim handed the message to its provider; cleared with the outcome. Still set when a message is
     * claimed again means the instance before stopped between the provider and the database.
     */
    private @Nullable Instant handedOverAt;
    private @Nullable String providerId;
    private @Nullable String failureReason;
    /** Attempts before the last "send again": a resend gets a fresh budget of retries. */
    private int attemptsBeforeResend;
    /** How often a dispatcher claimed it: one that keeps dying mid-send is stopped instead of retried forever. */
    private int claims;
    private Instant createdAt;
    private @Nullable Instant deliveryReportedAt;
    private @Nullable String changedBy;

    /** For reading from the database; fields are set one by one. */
    @PersistenceCreator
    OutboxMessage() {
        this.idempotencyKey = "";
        this.purpose = MessagePurpose.TEST;
        this.channel = Channel.EMAIL;
        this.recipient = "";
        this.locale = "en";
        this.body = "";
        this.dueAt = Instant.EPOCH;
        this.createdAt = Instant.EPOCH;
    }

    OutboxMessage(NewMessage message, String recipientLookup, Instant createdAt) {
        this.idempotencyKey = message.idempotencyKey();
        this.purpose = message.purpose();
        this.channel = message.channel();
        this.recipient = message.recipient();
        this.recipientLookup = recipientLookup;
        this.participantId = message.participantId();
        this.studyId = message.studyId();
        this.locale = message.locale().toLanguageTag();
        this.subject = message.subject();
        this.body = message.body();
        this.htmlBody = message.htmlBody();
        this.dueAt = message.dueAt();
        this.createdAt = createdAt;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public MessagePurpose getPurpose() {
        return purpose;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getRecipient() {
        return recipient;
    }

    public @Nullable String getParticipantId() {
        return participantId;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(locale);
    }

    public @Nullable String getSubject() {
        return subject;
    }

    /**
     * The text as anyone but the sender sees it: sign-in links masked (see {@link LinkMask}), and an identity check's
     * code too (whoever reads the outbox must not be able to answer for her).
     */
    public String getBody() {
        return purpose == MessagePurpose.IDENTITY_CODE ? LinkMask.codesMasked(body) : LinkMask.masked(body);
    }

    /** The HTML version as anyone but the sender sees it: sign-in links masked. */
    public @Nullable String getHtmlBody() {
        return LinkMask.maskedOrNull(htmlBody);
    }

    /** The text as it goes to the recipient, links and all: for the senders only. */
    String bodyToSend() {
        return body;
    }

    @Nullable
    String htmlBodyToSend() {
        return htmlBody;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Status getStatus() {
        return status;
    }

    public List<Attempt> getAttempts() {
        return attempts;
    }

    public @Nullable String getProviderId() {
        return providerId;
    }

    public @Nullable String getFailureReason() {
        return failureReason;
    }

    /** Attempts since the message was last sent again by a person. */
    int attemptsSinceResend() {
        return attempts.size() - attemptsBeforeResend;
    }

    /** The claim that holds it while it is being sent. */
    @Nullable
    String getLeaseOwner() {
        return leaseOwner;
    }

    @Nullable
    Instant getLeaseUntil() {
        return leaseUntil;
    }

    @Nullable
    Instant getHandedOverAt() {
        return handedOverAt;
    }

    int getClaims() {
        return claims;
    }

    public @Nullable String getStudyId() {
        return studyId;
    }

    /** When the provider reported the message delivered or not (SMS status callbacks). */
    public @Nullable Instant getDeliveryReportedAt() {
        return deliveryReportedAt;
    }

    /** Who last cancelled or resent it by hand. */
    public @Nullable String getChangedBy() {
        return changedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
