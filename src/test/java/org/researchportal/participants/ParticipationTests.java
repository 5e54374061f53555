package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.springframework.data.domain.Pageable;

/** Withdrawal, loss to follow-up and protocol deviations: dated, reasoned, the allocation untouched. */
class ParticipationTests extends TrialTest {

    private TrialFixture trial;

    @BeforeEach
    void newTrial() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
    }

    private ParticipantRecord record(String id) {
        return trial.asClinician(() -> participants.participantRecord(id));
    }

    private long blindedCount() {
        return SystemActor.callAs("test", trial.tenantId(), EnumSet.of(PortalRole.ASSESSOR),
                () -> blindedParticipants.blindedParticipants(trial.studyId(),
                        Pageable.unpaged()).getNumberOfElements());
    }

    @Test
    void lostThenWithdrawnKeepsTheArmAndTheAssessorsFollowUp() {
        String id = trial.eligibleConsentedCandidate(screening, consent, "Hard To Reach");
        String arm = trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        trial.doAsClinician(() -> participation.markLostToFollowUp(id, LocalDate.now(), "No answer to five calls"));
        assertThat(record(id).status()).isEqualTo(ParticipantStatus.LOST_TO_FOLLOW_UP);
        assertThat(blindedCount()).isEqualTo(1);

        trial.doAsClinician(() -> participation.withdraw(id, LocalDate.now(), "Wrote to withdraw"));
        ParticipantRecord after = record(id);
        assertThat(after.status()).isEqualTo(ParticipantStatus.WITHDRAWN);
        assertThat(after.armName()).isEqualTo(arm);
        assertThat(after.statusChanges()).extracting(StatusChange::status)
                .containsExactly(ParticipantStatus.LOST_TO_FOLLOW_UP, ParticipantStatus.WITHDRAWN);
    }

    @Test
    void aCandidateWhoDeclinesIsWithdrawnWithoutAnArm() {
        String id = trial.eligibleConsentedCandidate(screening, consent, "Changed Mind");
        assertThatThrownBy(() -> trial.doAsClinician(() -> participation.markLostToFollowUp(id, LocalDate.now(),
                "Not randomised yet"))).isInstanceOf(ValidationException.class);
        trial.doAsClinician(() -> participation.withdraw(id, LocalDate.now(), "Declined before randomisation"));
        assertThat(record(id).status()).isEqualTo(ParticipantStatus.WITHDRAWN);
        assertThat(record(id).armName()).isNull();
        assertThat(blindedCount()).isZero();
    }

    @Test
    void deviationsNeedADateAndWhatHappened() {
        String id = trial.eligibleConsentedCandidate(screening, consent, "Off Protocol");
        trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        assertThatThrownBy(() -> trial.doAsClinician(() -> participation.recordDeviation(id,
                LocalDate.now().plusDays(3), ""))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsKeys("effectiveOn", "description"));
        trial.doAsClinician(() -> participation.recordDeviation(id, LocalDate.now(),
                "Week 6 assessment done outside its window"));
        assertThat(record(id).deviations()).singleElement()
                .satisfies(d -> assertThat(d.description()).isEqualTo("Week 6 assessment done outside its window"));
    }
}
