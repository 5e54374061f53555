package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.base.ValidationException;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.ConsentWithdrawal.Scope;
import org.springframework.beans.factory.annotation.Autowired;

/** Consent to take part and, separately, to be contacted by SMS and email; withdrawn in part or whole. */
class ConsentTests extends TrialTest {

    private TrialFixture trial;

    @BeforeEach
    void newTrial() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
    }

    private ParticipantRecord record(String id) {
        return trial.asClinician(() -> participants.participantRecord(id));
    }

    @Test
    void withdrawingSmsContactLeavesEmailAndParticipation() {
        String id = trial.eligibleConsentedCandidate(screening, consent, "Texts No More");
        trial.doAsClinician(() -> consent.withdrawConsent(id, Scope.SMS_CONTACT, LocalDate.now(), "Prefers email"));
        Consent now = record(id).consent();
        assertThat(now).isNotNull();
        assertThat(now.smsContact()).isFalse();
        assertThat(now.emailContact()).isTrue();
        assertThat(now.withdrawals()).singleElement().satisfies(w -> assertThat(w.reason()).isEqualTo("Prefers email"));
        assertThat(record(id).status()).isEqualTo(ParticipantStatus.ELIGIBLE);
    }

    @Test
    void withdrawingFromParticipationWithdrawsTheEnrolledParticipantAndKeepsTheArm() {
        String id = trial.eligibleConsentedCandidate(screening, consent, "Leaving");
        String arm = trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        trial.doAsClinician(() -> consent.withdrawConsent(id, Scope.PARTICIPATION, LocalDate.now(), "Moved away"));
        ParticipantRecord after = record(id);
        assertThat(after.status()).isEqualTo(ParticipantStatus.WITHDRAWN);
        assertThat(after.armName()).isEqualTo(arm);
        assertThat(after.consent()).isNotNull();
        assertThat(after.consent().smsContact()).isFalse();
        assertThat(after.consent().emailContact()).isFalse();
    }

    @Test
    void consentIsCheckedBeforeItIsRecorded() {
        String id = trial.asClinician(() -> screening.screen(trial.studyId(), new NewCandidate("Careful",
                LocalDate.now().minusDays(2), null, null, "en", "Asia/Shanghai", null)));
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.recordConsent(id, " ", LocalDate.now().minusDays(5),
                true, false))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                        e.fieldMessageKeys()).containsKeys("documentVersion", "consentedOn"));
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.withdrawConsent(id, Scope.EMAIL_CONTACT,
                LocalDate.now(), "No consent yet"))).isInstanceOf(ValidationException.class);
        trial.doAsClinician(() -> consent.recordConsent(id, "v2.1", LocalDate.now(), true, false));
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.withdrawConsent(id, Scope.EMAIL_CONTACT,
                LocalDate.now(), ""))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsKey("reason"));
        assertThat(record(id).consent()).isNotNull();
        assertThat(record(id).consent().withdrawals()).isEmpty();
    }

    @Autowired
    org.researchportal.audit.AuditTrail audit;

    private String screened(String name) {
        return trial.asClinician(() -> screening.screen(trial.studyId(), new NewCandidate(name,
                LocalDate.now().minusDays(3), null, null, "en", "Asia/Shanghai", null)));
    }

    /** Nothing is assumed: a consent with no version, date or contact answers is refused at each field. */
    @Test
    void consentIsRecordedOnlyWithEveryAnswerGiven() {
        String id = screened("Nothing Touched");
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.recordConsent(id, null, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("documentVersion", "consent.version.invalid")
                        .containsEntry("consentedOn", "consent.date.required")
                        .containsEntry("smsContact", "consent.contact.required")
                        .containsEntry("emailContact", "consent.contact.required"));
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.recordConsent(id, "v2.1", LocalDate.now(), false,
                null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsOnlyKeys("emailContact"));
        assertThat(record(id).consent()).isNull();
        trial.doAsClinician(() -> consent.recordConsent(id, "v2.1", LocalDate.now(), false, true));
        assertThat(record(id).consent()).satisfies(c -> {
            assertThat(c.smsContact()).isFalse();
            assertThat(c.emailContact()).isTrue();
        });
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.recordConsent(id, "v3.0", LocalDate.now(), true,
                true))).as("recorded once; then corrected or renewed").isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                                .containsEntry("documentVersion", "consent.already-recorded"));
    }

    /** A correction needs the reason; the audit keeps the consent before and after; a withdrawal stays. */
    @Test
    void consentIsCorrectedWithAReasonAndTheAuditKeepsBeforeAndAfter() {
        String id = screened("Wrong Date");
        trial.doAsClinician(() -> consent.recordConsent(id, "v2.1", LocalDate.now(), true, true));
        trial.doAsClinician(() -> consent.withdrawConsent(id, Scope.SMS_CONTACT, LocalDate.now(), "No texts"));
        LocalDate signed = LocalDate.now().minusDays(2);
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.correctConsent(id, "v2.1", signed, true, true,
                " "))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsOnlyKeys("reason"));
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.correctConsent(id, "v2.1", signed, null, true,
                "Date typed wrongly"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsOnlyKeys("smsContact"));
        trial.doAsClinician(() -> consent.correctConsent(id, "v2.2", signed, true, false, "Date typed wrongly"));

        Consent corrected = record(id).consent();
        assertThat(corrected.documentVersion()).isEqualTo("v2.2");
        assertThat(corrected.consentedOn()).isEqualTo(signed);
        assertThat(corrected.smsContact()).as("withdrawn earlier: a correction does not restore it").isFalse();
        assertThat(corrected.emailContact()).isFalse();
        assertThat(corrected.withdrawals()).hasSize(1);
        assertThat(record(id).earlierConsents()).as("a correction is no re-consent").isEmpty();
        var entry = trial.asClinician(() -> audit.history("Participant", id)).getFirst();
        assertThat(entry.getAction()).isEqualTo("participant.consent-corrected");
        assertThat(entry.getReason()).isEqualTo("Date typed wrongly");
        assertThat(String.valueOf(entry.getBefore())).contains("v2.1");
        assertThat(String.valueOf(entry.getAfter())).contains("v2.2");
    }

    /** A new form version is a new consent, before or after enrolment; the history keeps the one it replaced. */
    @Test
    void reconsentOnANewFormVersionKeepsTheEarlierConsentInTheHistory() {
        String id = trial.eligibleConsentedCandidate(screening, consent, "New Form");
        String arm = trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.reconsent(id, "Consent form v2.1",
                LocalDate.now(), true, true))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsEntry("documentVersion",
                                "consent.version.same"));
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.reconsent(id, "Consent form v3.0",
                LocalDate.now().minusDays(2), true, true))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsEntry("consentedOn",
                                "consent.date.before-previous"));
        trial.doAsClinician(() -> consent.reconsent(id, "Consent form v3.0", LocalDate.now(), true, false));

        ParticipantRecord after = record(id);
        assertThat(after.consent().documentVersion()).isEqualTo("Consent form v3.0");
        assertThat(after.consent().emailContact()).isFalse();
        assertThat(after.earlierConsents()).singleElement().satisfies(earlier -> {
            assertThat(earlier.documentVersion()).isEqualTo("Consent form v2.1");
            assertThat(earlier.consentedOn()).isEqualTo(LocalDate.now().minusDays(1));
        });
        assertThat(after.armName()).isEqualTo(arm);
        assertThat(after.status()).isEqualTo(ParticipantStatus.ENROLLED);
        assertThat(trial.asClinician(() -> audit.history("Participant", id)).getFirst().getAction())
                .isEqualTo("participant.reconsented");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.researchportal.messaging.Outbox outbox;

    /** What is planned for a participant is cancelled when they withdraw consent to that channel, and only that. */
    @Test
    void withdrawingSmsConsentCancelsPendingSmsButNotEmail() {
        String id = trial.eligibleConsentedCandidate(screening, consent, "Pending Messages");
        var later = java.time.Instant.now().plus(java.time.Duration.ofDays(2));
        java.util.function.BiFunction<String, org.researchportal.messaging.Channel, String> plan = (key,
                channel) -> trial.asCoordinator(() -> outbox.enqueue(new org.researchportal.messaging.NewMessage(key
                        + id,
                        org.researchportal.messaging.MessagePurpose.TEST, channel,
                        channel == org.researchportal.messaging.Channel.SMS ? "+8613800138000" : "p@example.org",
                        id, null, java.util.Locale.ENGLISH, null, "Hello", null, later)).requireId());
        String sms = plan.apply("sms-", org.researchportal.messaging.Channel.SMS);
        String email = plan.apply("email-", org.researchportal.messaging.Channel.EMAIL);
        trial.doAsClinician(() -> consent.withdrawConsent(id, Scope.SMS_CONTACT, LocalDate.now(), "No texts"));
        var states = trial.asCoordinator(() -> outbox.messagesOf(id)).stream().collect(java.util.stream.Collectors
                .toMap(org.researchportal.messaging.OutboxMessage::requireId,
                        org.researchportal.messaging.OutboxMessage::getStatus));
        assertThat(states).containsEntry(sms, org.researchportal.messaging.OutboxMessage.Status.CANCELLED)
                .containsEntry(email, org.researchportal.messaging.OutboxMessage.Status.PENDING);

        // Planned after the withdrawal, or by mistake: the dispatcher checks consent again and sends nothing.
        String late = trial.asCoordinator(() -> outbox.enqueue(new org.researchportal.messaging.NewMessage("late-"
                + id, org.researchportal.messaging.MessagePurpose.TEST, org.researchportal.messaging.Channel.SMS,
                "+8613800138000", id, null, java.util.Locale.ENGLISH, null, "Hello", null,
                java.time.Instant.now().minusSeconds(1))).requireId());
        trial.asCoordinator(() -> dispatcher.dispatchDue(50));
        var refused = trial.asCoordinator(() -> outbox.messagesOf(id)).stream().filter(m -> m.requireId()
                .equals(late)).findFirst().orElseThrow();
        assertThat(refused.getStatus()).isEqualTo(org.researchportal.messaging.OutboxMessage.Status.FAILED);
        assertThat(refused.getAttempts()).singleElement().satisfies(a -> assertThat(a.code()).isEqualTo(
                "no-consent"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.researchportal.messaging.OutboxDispatcher dispatcher;

    /** Even a message due now waits out the participant's quiet hours (21:00-08:00 in their zone) when sent. */
    @Test
    void aDueMessageWaitsOutTheParticipantsQuietHours() {
        String id = trial.eligibleConsentedCandidate(screening, consent, "Night Owl");
        String message = trial.asCoordinator(() -> outbox.enqueue(new org.researchportal.messaging.NewMessage(
                "quiet-" + id, org.researchportal.messaging.MessagePurpose.TEST,
                org.researchportal.messaging.Channel.SMS, "+8613800138000", id, null, java.util.Locale.ENGLISH, null,
                "Hello", null, java.time.Instant.now().minusSeconds(1))).requireId());
        var shanghai = java.time.ZoneId.of("Asia/Shanghai");
        var local = java.time.LocalTime.now(shanghai);
        boolean quiet = !local.isBefore(java.time.LocalTime.of(21, 0)) || local.isBefore(java.time.LocalTime.of(8, 0));
        trial.asCoordinator(() -> dispatcher.dispatchDue(10));
        var after = trial.asCoordinator(() -> outbox.messagesOf(id)).stream().filter(m -> m.requireId()
                .equals(message)).findFirst().orElseThrow();
        if (quiet) {
            assertThat(after.getStatus()).isEqualTo(org.researchportal.messaging.OutboxMessage.Status.PENDING);
            assertThat(after.getAttempts()).as("waiting is not an attempt").isEmpty();
            assertThat(after.getDueAt().atZone(shanghai).toLocalTime()).isEqualTo(java.time.LocalTime.of(8, 0));
        } else {
            assertThat(after.getStatus()).isEqualTo(org.researchportal.messaging.OutboxMessage.Status.SENT);
        }
    }
}
