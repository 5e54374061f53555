package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.base.ValidationException;
import org.researchportal.demo.DemoStudyDesigns;
import org.springframework.data.domain.Pageable;

/** A clinician's participant list narrowed by number, status and arm, in the database, page by page. */
class ParticipantSearchTests extends TrialTest {

    @Test
    void numbersStatusAndArmNarrowTheListAndNamesAreNotSearched() {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String waiting = trial.eligibleConsentedCandidate(screening, consent, "Waiting Zhang");
        String randomised = trial.eligibleConsentedCandidate(screening, consent, "Randomised Li");
        String arm = trial.asClinician(() -> randomisation.randomise(randomised, Map.of()));
        ParticipantRecord allocated = trial.asClinician(() -> participants.participantRecord(randomised));
        ParticipantRecord other = trial.asClinician(() -> participants.participantRecord(waiting));

        java.util.function.Function<ParticipantFilter, List<String>> ids = filter -> trial.asClinician(
                () -> participants.findParticipants(trial.studyId(), filter, Pageable.unpaged()).stream()
                        .map(ParticipantRow::id).toList());
        assertThat(ids.apply(ParticipantFilter.NONE)).containsExactlyInAnyOrder(waiting, randomised);

        // Any part of either number, in any case.
        String studyNumber = allocated.studyNumber();
        assertThat(ids.apply(new ParticipantFilter(studyNumber.toLowerCase(java.util.Locale.ROOT), null, null)))
                .containsExactly(randomised);
        assertThat(ids.apply(new ParticipantFilter(" " + other.screeningNumber() + " ", null, null))).contains(waiting);
        // Typed as text: no regular-expression meaning, and sealed names are not searched.
        assertThat(ids.apply(new ParticipantFilter(".*", null, null))).isEmpty();
        assertThat(ids.apply(new ParticipantFilter("Zhang", null, null))).isEmpty();

        assertThat(ids.apply(new ParticipantFilter(null, ParticipantStatus.ELIGIBLE, null))).containsExactly(waiting);
        assertThat(ids.apply(new ParticipantFilter(null, ParticipantStatus.ENROLLED, null)))
                .containsExactly(randomised);
        String armCode = arm.equals("Exercise") ? "EXERCISE" : "CONTROL";
        String otherArm = armCode.equals("EXERCISE") ? "CONTROL" : "EXERCISE";
        assertThat(ids.apply(new ParticipantFilter(null, null, armCode))).containsExactly(randomised);
        assertThat(ids.apply(new ParticipantFilter(null, null, otherArm))).isEmpty();
        assertThat(ids.apply(new ParticipantFilter(studyNumber, ParticipantStatus.ELIGIBLE, null))).isEmpty();
        // All three at once narrow together (the list's widest query; IndexCoverageTests judges its shape).
        assertThat(ids.apply(new ParticipantFilter(studyNumber, ParticipantStatus.ENROLLED, armCode)))
                .containsExactly(randomised);
        assertThat(ids.apply(new ParticipantFilter(studyNumber, ParticipantStatus.ENROLLED, otherArm))).isEmpty();

        assertThatThrownBy(() -> ids.apply(new ParticipantFilter("x".repeat(25), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("number", "participant.search.invalid"));
    }
}
