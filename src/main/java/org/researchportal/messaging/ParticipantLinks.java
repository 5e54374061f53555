package org.researchportal.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.identity.LinkSignIn;
import org.researchportal.participants.ParticipantContacts;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Links in messages: a random token (256 bits) for one participant and one page. It signs the participant in once,
 * for a short time after the message goes out ({@code portal.messaging.participant-links.valid-for}), never for a
 * locked-out or deactivated account, and is revoked when the participant may no longer be contacted. Every use and
 * every refused use is in the participant's audit trail. The token says nothing about who or which study it is for;
 * staff never see it (the outbox masks it, see {@link LinkMask}).
 */
@Service
public class ParticipantLinks {

    static final String PATH = "/l/";
    /** A timepoint's code, as a questionnaire link's focus (it goes in the page's path). */
    private static final String FOCUS = "[A-Za-z0-9_-]{1,40}";

    /** Why a link did not sign anyone in, and the audit trail's action for it (none for a token nobody has). */
    enum Refusal {
        UNKNOWN(null),
        USED("participant-link.refused-used"),
        EXPIRED("participant-link.refused-expired"),
        REVOKED("participant-link.refused-revoked"),
        /** Withdrawn, lost to follow-up or without an account: may not be contacted, nothing to sign in to. */
        LEFT("participant-link.refused-left"),
        DEACTIVATED("participant-link.refused-deactivated"),
        LOCKED("participant-link.refused-locked");

        final @Nullable String action;

        Refusal(@Nullable String action) {
            this.action = action;
        }

        /** Used up or run out: the participant is told so and how to get in, instead of a bare sign-in page. */
        boolean toldToParticipant() {
            return this == USED || this == EXPIRED;
        }
    }

    /** What opening a link came to. */
    sealed interface Opening {

        /** Sign the participant in and open the page (or only open it: this device is signed in as them already). */
        record Open(String accountId, String location, boolean signedInAlready) implements Opening {}

        record Refused(Refusal why) implements Opening {}

        /**
         * Ask who is answering before signing in (a questionnaire link on a device not signed in as her): the link
         * stays unused until the right answer.
         */
        record Check(PendingCheck pending) implements Opening {}
    }

    private final ParticipantLinkRecords records;
    private final Clock clock;
    private final PortalAddress portal;
    private final ParticipantContacts participants;
    private final LinkSignIn signIn;
    private final AuditTrail audit;
    private final Duration validFor;
    private final SecureRandom random = new SecureRandom();

    ParticipantLinks(ParticipantLinkRecords records, Clock clock, PortalAddress portal,
            ParticipantContacts participants,
            LinkSignIn signIn, AuditTrail audit,
            MessagingProperties settings) {
        this.records = records;
        this.clock = clock;
        this.portal = portal;
        this.participants = participants;
        this.signIn = signIn;
        this.audit = audit;
        this.validFor = settings.participantLinks().validFor();
    }

    /**
     * A new link for the participant to the page, valid for a while from when the message goes out; answers the
     * full URL to put in the message.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public String issue(String participantId, ParticipantLink.Target target, Instant sentAt) {
        return issue(participantId, target, null, sentAt);
    }

    /** The same, opening the page at one exercise. */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public String issue(String participantId, ParticipantLink.Target target, @Nullable String focus,
            Instant sentAt) {
        Instant from = sentAt.isAfter(clock.instant()) ? sentAt : clock.instant();
        return issue(participantId, target, focus, sentAt, from.plus(validFor));
    }

    /**
     * The same, running until a moment the caller gives: a questionnaire link (focus: the timepoint's code) lives
     * until the timepoint's window closes, {@link #endOfDay the end of that day} in the participant's zone.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public String issue(String participantId, ParticipantLink.Target target, @Nullable String focus,
            Instant sentAt, Instant expiresAt) {
        // A link only for a participant of this tenant: no dangling link to an id nobody has.
        participants.contact(participantId).orElseThrow(() -> new NotFoundException("Participant", participantId));
        if (target == ParticipantLink.Target.QUESTIONNAIRE && (focus == null || !focus.matches(FOCUS))) {
            throw ValidationException.of("focus", "participant-link.focus.invalid");
        }
        if (!expiresAt.isAfter(sentAt.isAfter(clock.instant()) ? sentAt : clock.instant())) {
            throw ValidationException.of("expiresAt", "participant-link.expiry.invalid");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        records.add(new ParticipantLink(hash(token), participantId, target, focus, expiresAt));
        return portal.base() + PATH + token;
    }

    /** The first moment after the day in the zone: when a link that runs to the end of that day stops. */
    public static Instant endOfDay(LocalDate day, String zone) {
        return day.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();
    }

    /** Revokes every link of the participant (withdrawal, consent ended); answers how many. */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public long revokeAll(String participantId) {
        long revoked = 0;
        for (ParticipantLink link : records.unrevokedOf(participantId)) {
            revoked += records.revoke(link.requireId(), clock.instant());
        }
        return revoked;
    }

    /**
     * Opens the link of a token in the current tenant (run as the signed-link system actor): uses it up and answers
     * whom to sign in, or why not. Every answer about a known link is audited in the participant's trail.
     *
     * @param signedInHere whether the device that opened the link is signed in as an account already
     */
    Opening open(String token, Predicate<String> signedInHere) {
        Optional<ParticipantLink> found = records.byTokenHash(hash(token));
        if (found.isEmpty()) {
            return new Opening.Refused(Refusal.UNKNOWN);
        }
        ParticipantLink link = found.get();
        String participantId = link.getParticipantId();
        Instant now = clock.instant();
        if (link.isRevoked()) {
            return refused(participantId, Refusal.REVOKED);
        }
        Optional<String> account = participants.contact(participantId)
                .filter(c -> !OutboxDispatcher.LEFT.contains(c.status())).map(c -> c.accountId());
        if (account.isEmpty()) {
            return refused(participantId, Refusal.LEFT);
        }
        if (!link.isExpiredAt(now) && signedInHere.test(account.get())) {
            // Tapped again on the phone it signed in: nobody new is signed in, so nothing is used or refused.
            return new Opening.Open(account.get(), link.location(), true);
        }
        if (link.isUsed()) {
            return refused(participantId, Refusal.USED);
        }
        if (link.isExpiredAt(now)) {
            return refused(participantId, Refusal.EXPIRED);
        }
        Optional<LinkSignIn.Refusal> accountRefusal = signIn.refusal(
                Objects.requireNonNull(CurrentUser.require().tenantId()), account.get());
        if (accountRefusal.isPresent()) {
            return refused(participantId, switch (accountRefusal.get()) {
                case DEACTIVATED -> Refusal.DEACTIVATED;
                case LOCKED -> Refusal.LOCKED;
                case NO_ACCOUNT, TENANT_SUSPENDED -> Refusal.LEFT;
            });
        }
        if (link.checksWhoAnswers()) {
            return new Opening.Check(new PendingCheck(Objects.requireNonNull(CurrentUser.require().tenantId()), link
                    .requireId(), participantId,
                    account.get(), link.location()));
        }
        // Used up atomically: of two openings at the same moment, one signs in.
        ParticipantLink claimed = records.useUp(link.requireId(), now);
        if (claimed == null) {
            return refused(participantId, Refusal.USED);
        }
        audit.record("participant-link.used", "Participant", participantId, null, null, null);
        return new Opening.Open(account.get(), link.location(), false);
    }

    /**
     * The link of a pending check, while it may still sign its participant in: not used, revoked or run out, hers
     * (the check's participant and account are the link's), and her account still one a link may sign in. Run in the
     * check's tenant as the signed-link actor.
     */
    Optional<ParticipantLink> checkable(PendingCheck pending) {
        Optional<ParticipantLink> found = records.byId(pending.linkId()).filter(link -> pending.participantId()
                .equals(link.getParticipantId()) && !link.isRevoked() && !link.isUsed()
                && !link.isExpiredAt(clock.instant()) && link.checksWhoAnswers());
        if (found.isEmpty()) {
            return found;
        }
        boolean hers = participants.contact(pending.participantId())
                .filter(c -> !OutboxDispatcher.LEFT.contains(c.status()))
                .map(c -> pending.accountId().equals(c.accountId())).orElse(false);
        return hers && signIn.refusal(pending.tenantId(), pending.accountId()).isEmpty() ? found : Optional.empty();
    }

    private Opening refused(String participantId, Refusal why) {
        audit.record(Objects.requireNonNull(why.action), "Participant", participantId, null, null, null);
        return new Opening.Refused(why);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
