package org.researchportal.messaging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SignInWay;
import org.researchportal.identity.LinkSignIn;
import org.researchportal.participants.ParticipantContact;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.study.QuestionnaireSettings.IdentityCheck;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.stereotype.Component;

/**
 * The light check of who is answering a questionnaire link opened on a device not signed in as its participant: a
 * six-digit code sent to her phone now, or her year of birth as the clinician recorded it, as her study chooses (the
 * other when the chosen one is not possible for her). The right answer uses the link up and signs her in; a few wrong
 * ones spend the link. Everything runs in the link's tenant as its signed-link actor, and only on a pending check that
 * still names a usable link of hers: anything else is "gone", and nothing is written.
 */
@Component
public class IdentityChecks {

    /** Wrong answers allowed on one link before it is spent. */
    public static final int MAX_TRIES = 5;
    public static final Duration CODE_VALID_FOR = Duration.ofMinutes(10);
    /** A new code at most this often, however often she asks. */
    public static final Duration NEW_CODE_AFTER = Duration.ofSeconds(60);
    static final String ACTOR = "signed-link";
    static final Set<PortalRole> ROLES = EnumSet.of(PortalRole.COORDINATOR);

    /** What the check page asks for; {@code NONE}: neither is possible, she signs in with her password. */
    public enum Way {
        SMS_CODE, BIRTH_YEAR, NONE
    }

    /** What the check page shows: how she is asked, in her language, and the last two digits of the phone. */
    public record Question(Way way, String language, @Nullable String phoneEnding) {}

    /** What an answer came to; {@code GONE}: the check is no longer possible (the page says nothing more). */
    public enum Result {
        PASSED, WRONG, CODE_EXPIRED, SPENT, GONE
    }

    /** What an answer came to, with the tries left after a wrong one and, once passed, where to go and how. */
    public record Outcome(Result result, int triesLeft, @Nullable String location, @Nullable SignInWay way) {

        static Outcome of(Result result, int triesLeft) {
            return new Outcome(result, triesLeft, null, null);
        }
    }

    /** What asking for a new code came to. */
    public enum Resend {
        SENT, TOO_SOON, GONE
    }

    private final TenantSweeps tenants;
    private final ParticipantLinks links;
    private final ParticipantLinkRecords records;
    private final ParticipantContacts contacts;
    private final StudyService studies;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final SmsReplies replies;
    private final AuditTrail audit;
    private final LinkSignIn signIn;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IdentityChecks(TenantSweeps tenants, ParticipantLinks links, ParticipantLinkRecords records,
            ParticipantContacts contacts, StudyService studies, MessageTemplates templates, Outbox outbox,
            SmsReplies replies, AuditTrail audit, LinkSignIn signIn, Clock clock) {
        this.tenants = tenants;
        this.links = links;
        this.records = records;
        this.contacts = contacts;
        this.studies = studies;
        this.templates = templates;
        this.outbox = outbox;
        this.replies = replies;
        this.audit = audit;
        this.signIn = signIn;
        this.clock = clock;
    }

    /**
     * The question for a pending check, sending her a code when that is the way and none is fresh; empty when the
     * check is gone.
     */
    public Optional<Question> question(PendingCheck pending) {
        return tenants.inTenant(pending.tenantId(), ACTOR, ROLES, () -> links.checkable(pending).map(link -> {
            ParticipantContact contact = contacts.contact(pending.participantId()).orElseThrow();
            Way way = way(contact);
            if (way == Way.SMS_CODE && !fresh(link.getCodeSentAt())) {
                sendCode(link, contact, null);
            }
            return question(contact, way);
        }).orElse(null));
    }

    /** Sends a new code, unless one went out less than a minute ago. */
    public Resend sendNewCode(PendingCheck pending) {
        return tenants.inTenant(pending.tenantId(), ACTOR, ROLES, () -> links.checkable(pending).map(link -> {
            ParticipantContact contact = contacts.contact(pending.participantId()).orElseThrow();
            if (way(contact) != Way.SMS_CODE) {
                return Resend.GONE;
            }
            return sendCode(link, contact, clock.instant().minus(NEW_CODE_AFTER)) ? Resend.SENT : Resend.TOO_SOON;
        }).orElse(Resend.GONE)).orElse(Resend.GONE);
    }

    /**
     * Checks her answer: the right one uses the link up, signs her in on this request's session saying how she was
     * identified, and answers where to go; a wrong one counts, and the last allowed spends the link.
     */
    public Outcome answer(PendingCheck pending, String answer, HttpServletRequest request,
            HttpServletResponse response) {
        Outcome outcome = tenants.inTenant(pending.tenantId(), ACTOR, ROLES, () -> links.checkable(pending)
                .map(link -> judge(pending, link, answer == null ? "" : answer.strip()))
                .orElse(null)).orElse(Outcome.of(Result.GONE, 0));
        if (outcome.result() != Result.PASSED) {
            return outcome;
        }
        return signIn.signIn(pending.tenantId(), pending.accountId(), java.util.Objects.requireNonNull(outcome.way()),
                request, response) ? new Outcome(Result.PASSED, 0, pending.location(), outcome.way())
                        : Outcome.of(Result.GONE, 0);
    }

    private Outcome judge(PendingCheck pending, ParticipantLink link, String answer) {
        ParticipantContact contact = contacts.contact(pending.participantId()).orElseThrow();
        Way way = way(contact);
        boolean right;
        if (way == Way.SMS_CODE) {
            if (link.getCodeHash() == null) {
                return Outcome.of(Result.CODE_EXPIRED, MAX_TRIES - link.getFailedChecks());
            }
            right = link.getCodeHash().equals(codeHash(link.requireId(), answer));
            if (right && !fresh(link.getCodeSentAt())) {
                return Outcome.of(Result.CODE_EXPIRED, MAX_TRIES - link.getFailedChecks());
            }
        } else if (way == Way.BIRTH_YEAR) {
            right = contacts.birthYear(pending.participantId()).map(year -> year.toString().equals(answer))
                    .orElse(false);
        } else {
            return Outcome.of(Result.GONE, 0);
        }
        SignInWay signInWay = way == Way.SMS_CODE ? SignInWay.LINK_AND_SMS_CODE : SignInWay.LINK_AND_BIRTH_YEAR;
        boolean byCode = way == Way.SMS_CODE;
        if (right) {
            if (records.useUp(link.requireId(), clock.instant()) == null) {
                return Outcome.of(Result.GONE, 0);
            }
            audit.record(byCode ? "participant-link.check-passed-sms-code"
                    : "participant-link.check-passed-birth-year", "Participant", pending.participantId(), null,
                    null, null);
            return new Outcome(Result.PASSED, 0, null, signInWay);
        }
        ParticipantLink counted = records.failCheck(link.requireId());
        if (counted == null) {
            return Outcome.of(Result.GONE, 0);
        }
        if (counted.getFailedChecks() >= MAX_TRIES) {
            records.useUp(link.requireId(), clock.instant());
            audit.record(byCode ? "participant-link.check-spent-sms-code"
                    : "participant-link.check-spent-birth-year", "Participant", pending.participantId(), null,
                    Map.of("wrongAnswers", counted.getFailedChecks()), null);
            return Outcome.of(Result.SPENT, 0);
        }
        audit.record(byCode ? "participant-link.check-failed-sms-code"
                : "participant-link.check-failed-birth-year", "Participant", pending.participantId(), null,
                Map.of("wrongAnswers", counted.getFailedChecks()), null);
        return Outcome.of(Result.WRONG, MAX_TRIES - counted.getFailedChecks());
    }

    /** The study's way when it is possible for her, else the other, else none. */
    private Way way(ParticipantContact contact) {
        boolean sms = phone(contact) != null;
        boolean year = contacts.birthYear(contact.id()).isPresent();
        IdentityCheck chosen = studies.questionnaireSettings(contact.studyId()).identityCheck();
        if (chosen == IdentityCheck.BIRTH_YEAR) {
            return year ? Way.BIRTH_YEAR : sms ? Way.SMS_CODE : Way.NONE;
        }
        return sms ? Way.SMS_CODE : year ? Way.BIRTH_YEAR : Way.NONE;
    }

    /** The phone a code may go to: one she has, agreed to SMS on and did not answer STOP from. */
    private @Nullable String phone(ParticipantContact contact) {
        String phone = contact.smsConsent() ? PhoneNumbers.e164(contact.phone(), null).orElse(null) : null;
        return phone == null || !replies.optedOutAmong(Set.of(phone)).isEmpty() ? null : phone;
    }

    private Question question(ParticipantContact contact, Way way) {
        String phone = way == Way.SMS_CODE ? phone(contact) : null;
        return new Question(way, contact.language(), phone == null ? null : phone.substring(phone.length() - 2));
    }

    /** Keeps a new code's hash on the link and sends the code, unless one went out after {@code sentBefore}. */
    private boolean sendCode(ParticipantLink link, ParticipantContact contact, @Nullable Instant sentBefore) {
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant now = clock.instant();
        if (!records.newCode(link.requireId(), codeHash(link.requireId(), code), now, sentBefore == null ? now
                : sentBefore)) {
            return false;
        }
        String phone = java.util.Objects.requireNonNull(phone(contact));
        TemplateText text = templates.template(MessagePurpose.IDENTITY_CODE, Channel.SMS, contact.language())
                .render(Map.of("code", code, "minutes", Long.toString(CODE_VALID_FOR.toMinutes())));
        outbox.enqueue(new NewMessage("identity-code:" + link.requireId() + ":" + now.toEpochMilli(),
                MessagePurpose.IDENTITY_CODE, Channel.SMS, phone, contact.id(), contact.studyId(),
                Locale.forLanguageTag(contact.language()), null, text.body(), null, now));
        return true;
    }

    private boolean fresh(@Nullable Instant sentAt) {
        return sentAt != null && sentAt.plus(CODE_VALID_FOR).isAfter(clock.instant());
    }

    /** The code is kept only as this hash, salted with its link so one hash says nothing about another link's. */
    static String codeHash(String linkId, String code) {
        return ParticipantLinks.hash(linkId + ":" + code);
    }
}
