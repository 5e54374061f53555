package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.reporting.ConsortFlow;
import org.researchportal.reporting.ConsortService;
import org.springframework.beans.factory.annotation.Autowired;

/** The CONSORT flow follows every candidate: assessed, excluded with reasons, randomised, lost, discontinued. */
class ConsortFlowTests extends TrialTest {

    @Autowired
    ConsortService consort;

    @Test
    void countsEachCandidateOnceWhereTheyStand() {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        trial.asClinician(() -> screening.screen(trial.studyId(), new NewCandidate("Not Yet Judged",
                LocalDate.now(), null, null, "en", "Asia/Shanghai", null)));
        String osteoporotic = trial.asClinician(() -> screening.screen(trial.studyId(), new NewCandidate(
                "Low Density", LocalDate.now(), null, null, "en", "Asia/Shanghai", null)));
        trial.asClinician(() -> screening.assessEligibility(osteoporotic, Map.of("bpi_worst", 6.0,
                "bmd_t_score", -3.0), TrialFixture.ELIGIBLE_ANSWERS, null));
        String declines = trial.eligibleConsentedCandidate(screening, consent, "Declines");
        trial.doAsClinician(() -> participation.withdraw(declines, LocalDate.now(), "Too far to travel"));
        trial.eligibleConsentedCandidate(screening, consent, "Waiting");
        String first = trial.eligibleConsentedCandidate(screening, consent, "First");
        String second = trial.eligibleConsentedCandidate(screening, consent, "Second");
        trial.asClinician(() -> randomisation.randomise(first, Map.of()));
        trial.asClinician(() -> randomisation.randomise(second, Map.of()));
        trial.doAsClinician(() -> participation.markLostToFollowUp(second, LocalDate.now(), "Moved, no forwarding"));

        ConsortFlow flow = trial.asClinician(() -> consort.flow(trial.studyId()));
        assertThat(flow.assessed()).isEqualTo(5);
        assertThat(flow.awaitingAssessment()).isEqualTo(1);
        assertThat(flow.notEligible()).isEqualTo(1);
        // Named by the criterion as the study words it, not by its code.
        assertThat(flow.notMeetingCriteria()).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(1);
            assertThat(e.inclusion()).as("an exclusion criterion met").isFalse();
            assertThat(e.text(java.util.Locale.ENGLISH)).isEqualTo("Bone mineral density T-score below -2.5");
            assertThat(e.text(java.util.Locale.SIMPLIFIED_CHINESE)).startsWith("骨密度");
        });
        assertThat(flow.declined()).isEqualTo(1);
        assertThat(flow.awaitingRandomisation()).isEqualTo(1);
        // Eligible and awaiting randomisation is not an exclusion: not eligible and declined are.
        assertThat(flow.excluded()).isEqualTo(2);
        assertThat(flow.excluded() + flow.awaitingRandomisation() + flow.randomised()).isEqualTo(flow.assessed());
        assertThat(flow.randomised()).isEqualTo(2);
        // Both may fall in one arm (a block of four can start with two alike): only the total is certain.
        assertThat(flow.arms()).hasSize(2);
        assertThat(flow.arms().stream().mapToLong(ConsortFlow.ArmFlow::allocated).sum()).isEqualTo(2);
        assertThat(flow.arms().stream().mapToLong(ConsortFlow.ArmFlow::lostToFollowUp).sum()).isEqualTo(1);
        assertThat(flow.arms().stream().mapToLong(ConsortFlow.ArmFlow::analysed).sum()).as("no follow-up yet")
                .isZero();
        // The analysed count asks the database how many of the followed-up participants each arm holds.
        Map<String, Long> byArm = trial.asClinician(() -> enrolmentCounts.countByArm(trial.studyId(),
                List.of(first, second, declines, "not-an-id")));
        assertThat(byArm.values().stream().mapToLong(Long::longValue).sum()).as("only the two allocated").isEqualTo(2);
        assertThat(byArm.keySet()).allSatisfy(arm -> assertThat(List.of("EXERCISE", "CONTROL")).contains(arm));
    }
}
