package org.researchportal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.researchportal.analysis.SafetyReport.Cell;
import org.researchportal.analysis.SafetyReport.CountedEvent;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventReport.Action;
import org.researchportal.assessments.AdverseEventReport.Outcome;
import org.researchportal.assessments.AdverseEventReport.Relatedness;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.ArmKind;

/**
 * The safety report's figures worked by hand. As of 6 December 2026: exercise E01 randomised 7 November (30 days),
 * E02 randomised 27 November and withdrawn 1 December (5 days), E03 randomised 7 October (61 days): 96 days; control
 * C01 randomised 7 November and withdrawn 15 November after a fatal event (9 days), C02 randomised 17 November (20
 * days): 29 days.
 */
class SafetyReportTests {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    private static AnalysedParticipant participant(String number, String arm, LocalDate randomised,
            @Nullable LocalDate left) {
        return new AnalysedParticipant("id-" + number, number, arm, arm.equals("EXERCISE") ? ArmKind.INTERVENTION
                : ArmKind.CONTROL, randomised, left == null ? ParticipantStatus.ENROLLED : ParticipantStatus.WITHDRAWN,
                left, "Asia/Shanghai");
    }

    private static AdverseEventRecord event(String id, String number, LocalDate onset, int grade, boolean serious,
            Relatedness relatedness, Outcome outcome) {
        return new AdverseEventRecord(id, "id-" + number, new AdverseEventReport(onset, "Event " + id, null, grade,
                serious, relatedness, Action.NONE, outcome, outcome == Outcome.ONGOING ? null : onset), serious
                        || grade >= 4, Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static SafetyReport report() {
        List<AnalysedParticipant> randomised = List.of(
                participant("E01", "EXERCISE", LocalDate.of(2026, 11, 7), null),
                participant("E02", "EXERCISE", LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 1)),
                participant("E03", "EXERCISE", LocalDate.of(2026, 10, 7), null),
                participant("C01", "CONTROL", LocalDate.of(2026, 11, 7), LocalDate.of(2026, 11, 15)),
                participant("C02", "CONTROL", LocalDate.of(2026, 11, 17), null));
        List<AdverseEventRecord> events = List.of(
                event("a1", "E01", LocalDate.of(2026, 11, 10), 2, false, Relatedness.PROBABLE, Outcome.RECOVERED),
                event("a2", "E01", LocalDate.of(2026, 11, 20), 3, true, Relatedness.POSSIBLE, Outcome.RECOVERING),
                event("a3", "E02", LocalDate.of(2026, 11, 28), 1, false, Relatedness.DEFINITE, Outcome.RECOVERED),
                // After E02 left: outside her exposure, not counted.
                event("a4", "E02", LocalDate.of(2026, 12, 3), 1, false, Relatedness.DEFINITE, Outcome.RECOVERED),
                event("a5", "C01", LocalDate.of(2026, 11, 15), 5, true, Relatedness.NOT_RELATED, Outcome.FATAL),
                event("a6", "C02", LocalDate.of(2026, 11, 20), 2, false, Relatedness.UNLIKELY, Outcome.ONGOING),
                // Before C02 was randomised: the screening period's, not the arm's.
                event("a7", "C02", LocalDate.of(2026, 11, 10), 1, false, Relatedness.NOT_RELATED, Outcome.RECOVERED),
                // Someone never randomised.
                event("a8", "S99", LocalDate.of(2026, 11, 10), 3, true, Relatedness.NOT_RELATED, Outcome.RECOVERED));
        return SafetyReport.of(List.of("EXERCISE", "CONTROL"), randomised, events, DAY);
    }

    @Test
    void exposureRunsFromRandomisationToLeavingOrTheReportDayBothCounted() {
        SafetyReport report = report();
        assertThat(report.reportDay()).isEqualTo(DAY);
        assertThat(report.arms()).extracting(a -> a.armCode() + " " + a.randomised() + " " + a.participantDays())
                .containsExactly("EXERCISE 3 96", "CONTROL 2 29");
        assertThat(report.exposures()).extracting(x -> x.participant() + " " + x.days() + (x.left() ? " left" : ""))
                .containsExactly("C01 9 left", "C02 20", "E01 30", "E02 5 left", "E03 61");
    }

    @Test
    void eventsAndParticipantsByKindPerArm() {
        SafetyReport report = report();
        // By onset, then study number (a6 and a2 both began on 20 November).
        assertThat(report.events()).extracting(CountedEvent::id).containsExactly("a1", "a5", "a6", "a2", "a3");
        assertThat(counts(report, "any")).isEqualTo("3/2 2/2");
        // Worst grade: E01 had grades 2 and 3 (counted once, at 3), E02 grade 1; C01 died (5), C02 grade 2.
        assertThat(counts(report, "grade-1")).isEqualTo("1/1 0/0");
        assertThat(counts(report, "grade-2")).isEqualTo("1/0 1/1");
        assertThat(counts(report, "grade-3")).isEqualTo("1/1 0/0");
        assertThat(counts(report, "grade-4")).isEqualTo("0/0 0/0");
        assertThat(counts(report, "grade-5")).isEqualTo("0/0 1/1");
        assertThat(counts(report, "serious")).isEqualTo("1/1 1/1");
        assertThat(counts(report, "not-serious")).isEqualTo("2/2 1/1");
        assertThat(counts(report, "relatedness-not-related")).isEqualTo("0/0 1/1");
        assertThat(counts(report, "relatedness-unlikely")).isEqualTo("0/0 1/1");
        assertThat(counts(report, "relatedness-possible")).isEqualTo("1/1 0/0");
        assertThat(counts(report, "relatedness-probable")).isEqualTo("1/1 0/0");
        assertThat(counts(report, "relatedness-definite")).isEqualTo("1/1 0/0");
        assertThat(counts(report, "related")).isEqualTo("3/2 0/0");
    }

    @Test
    void ratesPerThousandParticipantDaysWithTheExactInterval() {
        SafetyReport report = report();
        // Exercise: 3 events in 96 days = 31.25 per 1,000, (0.6187, 8.7673) x 1000/96.
        Cell exercise = report.row("any").cells().get(0);
        assertThat(exercise.rate()).isCloseTo(31.25, within(1e-9));
        assertThat(exercise.interval().low()).isCloseTo(6.445, within(2e-3));
        assertThat(exercise.interval().high()).isCloseTo(91.326, within(2e-3));
        // Control: 2 events in 29 days = 68.97 per 1,000, (0.2422, 7.2247) x 1000/29.
        Cell control = report.row("any").cells().get(1);
        assertThat(control.rate()).isCloseTo(68.966, within(1e-3));
        assertThat(control.interval().low()).isCloseTo(8.352, within(2e-3));
        assertThat(control.interval().high()).isCloseTo(249.127, within(2e-2));
        // No related event in control: 0, (0, 3.6889) x 1000/29.
        Cell noneRelated = report.row("related").cells().get(1);
        assertThat(noneRelated.rate()).isZero();
        assertThat(noneRelated.interval().low()).isZero();
        assertThat(noneRelated.interval().high()).isCloseTo(127.203, within(2e-3));
    }

    @Test
    void theSeriousEventsOneByOneFatalIncluded() {
        assertThat(report().serious()).extracting(e -> e.participant() + " " + e.armCode() + " " + e.onset() + " "
                + e.grade() + " " + e.relatedness() + " " + e.outcome()).containsExactly(
                        "C01 CONTROL 2026-11-15 5 NOT_RELATED FATAL", "E01 EXERCISE 2026-11-20 3 POSSIBLE RECOVERING");
    }

    @Test
    void nobodyExposedHasNoRate() {
        SafetyReport empty = SafetyReport.of(List.of("EXERCISE", "CONTROL"), List.of(), List.of(), DAY);
        assertThat(empty.row("any").cells()).allSatisfy(c -> {
            assertThat(c.events()).isZero();
            assertThat(c.rate()).isNaN();
        });
    }

    private static String counts(SafetyReport report, String key) {
        return String.join(" ", report.row(key).cells().stream().map(c -> c.events() + "/" + c.participants())
                .toList());
    }
}
