package org.researchportal.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
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
 * Sends what is due. A query finds a page of due messages; the page is then claimed with an atomic lease (one update
 * of those still pending and due, or sending with a lease run out, under a name of this claim's own, then one read of
 * what that claim got), so two portal instances on one database never send a message twice, and one that died
 * mid-send is taken over when its lease ends. The outcome is written only while the lease is still this claim's.
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
    /** How old the page's reading of STOP answers may be when a message is sent. */
    private static final Duration STOP_FRESHNESS = Duration.ofSeconds(1);
    static final String INTERRUPTED = "Sending was interrupted after the message went to the provider: it may have"
            + " arrived. Check with the participant before sending it again.";
    private static final Duration OUTCOME_MARGIN = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    /** This instance's name on its leases. */
    private final String worker = "portal-" + UUID.randomUUID();
    /** Numbers this instance's claims: each page is claimed under a name of its own. */
    private final AtomicLong claims = new AtomicLong();

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
            List<String> candidates = records.dueIds(clock.instant(), Math.min(max - handled, CANDIDATES));
            if (candidates.isEmpty()) {
                break;
            }
            List<OutboxMessage> claimed = claim(candidates);
            if (claimed.isEmpty()) {
                continue; // another instance (or thread) claimed them first, or they are no longer due
            }
            if (providers == null) {
                providers = settings.providers();
            }
            deliver(claimed, providers);
            handled += claimed.size();
        }
        return handled;
    }

    /**
     * Claims those of a page of due messages still due, with an atomic lease under a name of this claim's own (this
     * instance's, numbered): only one claim ever gets a message, and only it may write the outcome. Longest due first.
     */
    private List<OutboxMessage> claim(List<String> candidates) {
        String claim = worker + "/" + claims.incrementAndGet();
        List<OutboxMessage> claimed = new ArrayList<>(records.claim(candidates, claim, clock.instant(), lease));
        claimed.sort(Comparator.comparing(OutboxMessage::getDueAt));
        return claimed;
    }

    /**
     * Sends a page of claimed messages. Whether the SMS numbers said STOP is read for the page at once, and again
     * whenever that reading is older than {@link #STOP_FRESHNESS} (slow providers); reports that came before their
     * message was written as sent are looked up once for the page.
     */
    private void deliver(List<OutboxMessage> claimed, ProviderSettings providers) {
        OptOuts optOuts = new OptOuts();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            String providerId = deliver(claimed.get(i), providers, optOuts.of(claimed.subList(i, claimed.size())));
            if (providerId != null) {
                sent.add(providerId);
            }
        }
        outbox.applyEarlyReports(sent);
    }

    /** The STOP answers of the page's numbers, read at once and read again once older than the freshness allowed. */
    private final class OptOuts {

        private Set<String> numbers = Set.of();
        private @Nullable Instant readAt;

        /** The numbers among the rest of the page that said STOP, as read at most a short while ago. */
        Set<String> of(List<OutboxMessage> rest) {
            Instant now = clock.instant();
            if (readAt == null || readAt.plus(STOP_FRESHNESS).isBefore(now)) {
                readAt = now;
                Set<String> phones = rest.stream().filter(m -> m.getChannel() == Channel.SMS)
                        .map(OutboxMessage::getRecipient).collect(Collectors.toSet());
                numbers = phones.isEmpty() ? Set.of() : replies.optedOutAmong(phones);
            }
            return numbers;
        }
    }

    /** The name of the claim that holds a claimed message. */
    private static String claimOf(OutboxMessage message) {
        return Objects.requireNonNull(message.getLeaseOwner(), "a claimed message has its claim's name");
    }

    private boolean consented(OutboxMessage message, @Nullable ParticipantContact contact) {
        if (message.getParticipantId() == null) {
            return true;
        }
        return contact != null && !LEFT.contains(contact.status())
                && (message.getChannel() == Channel.SMS ? contact.smsConsent() : contact.emailConsent());
    }

    /** Sends one claimed message (or fails or postpones it); answers the provider's id when it was sent. */
    private @Nullable String deliver(OutboxMessage message, ProviderSettings providers, Set<String> optedOut) {
        if (message.getHandedOverAt() != null) {
            finish(message, OutboxRecords.Outcome.failed(INTERRUPTED, new OutboxMessage.Attempt(clock.instant(),
                    worker, OutboxMessage.Attempt.Outcome.FAILED, "interrupted", INTERRUPTED)));
            return null;
        }
        if (message.getClaims() > retries.maxAttempts() + 2) {
            // Claimed again and again without an outcome: every try ended the instance (or its lease) mid-send.
            finish(message, OutboxRecords.Outcome.failed("Sending never completed", new OutboxMessage.Attempt(
                    clock.instant(), worker, OutboxMessage.Attempt.Outcome.FAILED, "never-completed", null)));
            return null;
        }
        MessageSender sender = senders.get(message.getChannel());
        ParticipantContact contact = message.getParticipantId() == null ? null
                : participants.contact(message.getParticipantId()).orElse(null);
        if (contact != null && consented(message, contact) && message.getPurpose().heldByQuietHours()) {
            // A resend, a retry or a backlog must not wake the participant either: it waits for their morning.
            ZoneId zone = ZoneId.of(contact.timeZone());
            Instant now = clock.instant();
            Instant allowed = QuietHours.of(contact.preferences()).adjust(now, zone);
            if (allowed.isAfter(now)) {
                records.postpone(message.requireId(), claimOf(message), allowed);
                return null;
            }
        }
        SendResult result;
        try {
            if (message.getChannel() == Channel.SMS && optedOut.contains(message.getRecipient())) {
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
                return null; // The lease ran out before the provider was called: another instance has it.
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
        return result instanceof SendResult.Sent sent ? sent.providerId() : null;
    }

    /** Marks the claim as handed to the provider; false when the lease is no longer this instance's. */
    private boolean handOver(OutboxMessage message) {
        return records.handOver(message.requireId(), claimOf(message), clock.instant());
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
                if (!records.finish(message.requireId(), claimOf(message), outcome)) {
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
