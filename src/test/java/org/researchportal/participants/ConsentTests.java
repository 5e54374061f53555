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
                true, false, null))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                        e.fieldMessageKeys()).containsKeys("documentVersion", "consentedOn"));
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.withdrawConsent(id, Scope.EMAIL_CONTACT,
                LocalDate.now(), "No consent yet"))).isInstanceOf(ValidationException.class);
        trial.doAsClinician(() -> consent.recordConsent(id, "v2.1", LocalDate.now(), true, false, null));
        assertThatThrownBy(() -> trial.doAsClinician(() -> consent.withdrawConsent(id, Scope.EMAIL_CONTACT,
                LocalDate.now(), ""))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsKey("reason"));
        assertThat(record(id).consent()).isNotNull();
        assertThat(record(id).consent().withdrawals()).isEmpty();
    }
}
