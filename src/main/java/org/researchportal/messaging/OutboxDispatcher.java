package org.researchportal.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.Authorities;
import org.researchportal.participants.ParticipantContact;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.participants.ParticipantStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Sends what is due. A query finds a page of due messages; each is then claimed with an atomic lease (findAndModify
 * by id: still pending and due, or sending with a lease run out), so two portal instances on one database never send
 * it twice, and one that died mid-send is taken
 * over when its lease ends. The outcome is written only while the lease is still this instance's.
 *
 * <p>Nothing is sent twice when the database or an instance fails mid-send. The claim is marked just before the
 * provider is called ({@code handedOverAt}); a database out of reach after the provider took the message is waited
 * for, with the outcome held, until the lease ends. A message claimed again with that mark still on it went to the
 * provider from an instance that then stopped: it is not sent again but failed as "interrupted", which coordinators
 * see and can resend once they know it did not arrive. One claimed but never handed over is simply sent.
 */
@Service
public class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxRecords records;
    private final MessagingSettingsService settings;
    private final SmsReplies replies;
    private final ParticipantContacts participants;
    private final Outbox outbox;
    private final Map<Channel, MessageSender> senders = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final Duration lease;
    private final RetryPolicy retries;
    /** A participant in one of these has left the study: nothing more is sent to them. */
    static final Set<ParticipantStatus> LEFT = EnumSet.of(ParticipantStatus.WITHDRAWN,
            ParticipantStatus.LOST_TO_FOLLOW_UP, ParticipantStatus.NOT_ELIGIBLE);
    /** Due messages looked up at once: one query per this many sends. */
    private static final int CANDIDATES = 50;
    static final String INTERRUPTED = "Sending was interrupted after the message went to the provider: it may have"
            + " arrived. Check with the participant before sending it again.";
    private static final Duration OUTCOME_MARGIN = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    /** This instance's name on its leases. */
    private final String worker = "portal-" + UUID.randomUUID();

    @Autowired
    OutboxDispatcher(OutboxRecords records, MessagingSettingsService settings, SmsReplies replies,
            ParticipantContacts participants, Outbox outbox, List<MessageSender> senders, Clock clock,
            MessagingProperties installation) {
        this(records, settings, replies, participants, outbox, senders, clock, installation.lease());
    }

    OutboxDispatcher(OutboxRecords records, MessagingSettingsService settings, SmsReplies replies,
            ParticipantContacts participants, Outbox outbox, List<MessageSender> senders, Clock clock,
            Duration lease) {
        this(records, settings, replies, participants, outbox, senders, clock, lease, RetryPolicy.STANDARD);
    }

    OutboxDispatcher(OutboxRecords records, MessagingSettingsService settings, SmsReplies replies,
            ParticipantContacts participants, Outbox outbox, List<MessageSender> senders, Clock clock,
            Duration lease, RetryPolicy retries) {
        this.outbox = outbox;
        this.records = records;
        this.settings = settings;
        this.replies = replies;
        this.participants = participants;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.clock = clock;
        this.lease = lease;
        this.retries = retries;
    }

    /** Sends up to {@code max} due messages of the current tenant; answers how many it handled. */
    @Secured(Authorities.COORDINATOR)
    public int dispatchDue(int max) {
        // The providers (and their sealed token) are read only when something is due: most rounds send nothing.
        ProviderSettings providers = null;
        int handled = 0;
        while (handled < max) {
            List<String> candidates = dueCandidates(Math.min(max - handled, CANDIDATES));
            if (candidates.isEmpty()) {
                break;
            }
            for (String id : candidates) {
                OutboxMessage message = claim(id);
                if (message == null) {
                    continue; // another instance (or thread) claimed it first, or it is no longer due
                }
                if (providers == null) {
                    providers = settings.providers();
                }
                deliver(message, providers);
                handled++;
            }
        }
        return handled;
    }

    /**
     * The ids of a few due messages, oldest first, in a random order: one query finds a page of work, and instances
     * working at once mostly reach for different messages.
     */
    private List<String> dueCandidates(int limit) {
        List<String> ids = new ArrayList<>(records.dueIds(clock.instant(), limit));
        Collections.shuffle(ids);
        return ids;
    }

    /** Claims one message with an atomic lease, if it is still due: only one instance ever gets it. */
    private @Nullable OutboxMessage claim(String id) {
        return records.claim(id, worker, clock.instant(), lease);
    }

    private boolean consented(OutboxMessage message, @Nullable ParticipantContact contact) {
        if (message.getParticipantId() == null) {
            return true;
        }
        return contact != null && !LEFT.contains(contact.status())
                && (message.getChannel() == Channel.SMS ? contact.smsConsent() : contact.emailConsent());
    }

    private void deliver(OutboxMessage message, ProviderSettings providers) {
        if (message.getHandedOverAt() != null) {
            finish(message, OutboxRecords.Outcome.failed(INTERRUPTED, new OutboxMessage.Attempt(clock.instant(),
                    worker, OutboxMessage.Attempt.Outcome.FAILED, "interrupted", INTERRUPTED)));
            return;
        }
        if (message.getClaims() > retries.maxAttempts() + 2) {
            // Claimed again and again without an outcome: every try ended the instance (or its lease) mid-send.
            finish(message, OutboxRecords.Outcome.failed("Sending never completed", new OutboxMessage.Attempt(
                    clock.instant(), worker, OutboxMessage.Attempt.Outcome.FAILED, "never-completed", null)));
            return;
        }
        MessageSender sender = senders.get(message.getChannel());
        ParticipantContact contact = message.getParticipantId() == null ? null
                : participants.contact(message.getParticipantId()).orElse(null);
        if (contact != null && consented(message, contact)) {
            // A resend, a retry or a backlog must not wake the participant either: it waits for their morning.
            ZoneId zone = ZoneId.of(contact.timeZone());
            Instant now = clock.instant();
            Instant allowed = QuietHours.of(contact.preferences()).adjust(now, zone);
            if (allowed.isAfter(now)) {
                records.postpone(message.requireId(), worker, allowed);
                return;
            }
        }
        SendResult result;
        try {
            if (message.getChannel() == Channel.SMS && replies.optedOut(message.getRecipient())) {
                // The number replied STOP: nothing goes to it, whatever was planned.
                result = new SendResult.Failed("opted-out", "The recipient replied STOP to this institution's SMS");
            } else if (!consented(message, contact)) {
                // Consent is checked again at the moment of sending, whatever was planned before a withdrawal.
                result = new SendResult.Failed("no-consent", "The participant has not agreed to " + message
                        .getChannel() + " contact, or has left the study");
            } else if (sender == null) {
                result = new SendResult.Failed("no-channel", "No way to send " + message.getChannel());
            } else if (handOver(message)) {
                result = sender.send(message, providers);
            } else {
                return; // The lease ran out before the provider was called: another instance has it.
            }
        } catch (RuntimeException unexpected) {
            result = new SendResult.Retry("unexpected", unexpected.getClass().getSimpleName());
        }
        Instant now = clock.instant();
        int attempts = message.attemptsSinceResend() + 1;
        OutboxRecords.Outcome outcome = switch (result) {
            case SendResult.Sent sent -> OutboxRecords.Outcome.sent(sent.providerId(), new OutboxMessage.Attempt(
                    now, worker, OutboxMessage.Attempt.Outcome.SENT, null, null));
            case SendResult.Retry retry when retries.exhausted(attempts) -> OutboxRecords.Outcome.failed(
                    retry.detail(), new OutboxMessage.Attempt(now, worker, OutboxMessage.Attempt.Outcome.FAILED,
                            retry.code(), retry.detail()));
            case SendResult.Retry retry -> OutboxRecords.Outcome.retryAt(now.plus(retries.delayAfter(attempts)),
                    new OutboxMessage.Attempt(now, worker, OutboxMessage.Attempt.Outcome.RETRY, retry.code(),
                            retry.detail()));
            case SendResult.Failed failed -> OutboxRecords.Outcome.failed(failed.detail(), new OutboxMessage.Attempt(
                    now, worker, OutboxMessage.Attempt.Outcome.FAILED, failed.code(), failed.detail()));
        };
        finish(message, outcome);
        if (result instanceof SendResult.Sent sent) {
            outbox.applyEarlyReports(sent.providerId());
        }
    }

    /** Marks the claim as handed to the provider; false when the lease is no longer this instance's. */
    private boolean handOver(OutboxMessage message) {
        return records.handOver(message.requireId(), worker, clock.instant());
    }

    /**
     * Writes an outcome only while the lease is still this instance's. Only this instance knows the outcome, so a
     * database out of reach is waited for (with growing pauses) until the lease is nearly over.
     */
    private void finish(OutboxMessage message, OutboxRecords.Outcome outcome) {
        Instant giveUp = (message.getLeaseUntil() == null ? clock.instant().plus(lease) : message.getLeaseUntil())
                .minus(OUTCOME_MARGIN);
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                if (!records.finish(message.requireId(), worker, outcome)) {
                    // The lease ran out mid-send and another instance took the message over: its outcome stands.
                    LOG.warn("Lost the lease on message {} while sending", message.requireId());
                }
                return;
            } catch (DataAccessResourceFailureException unreachable) {
                if (clock.instant().plus(pause).isAfter(giveUp)) {
                    LOG.error("Could not record the outcome of message {} before its lease ended", message
                            .requireId(), unreachable);
                    throw unreachable;
                }
                LOG.warn("Database out of reach recording message {}; trying again in {}", message.requireId(),
                        pause);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
