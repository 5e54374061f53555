package org.researchportal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.OutcomeScore;
import org.researchportal.assessments.ScoredEntry;
import org.researchportal.assessments.Wording;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.Timepoint;

/**
 * n, mean, SD (n - 1) and change from baseline (the paired differences' n, mean and SD) worked by hand for pain
 * severity over three timepoints:
 *
 * <pre>
 *              baseline  week 6  week 12
 *   P1 (EXE)      6        4       3
 *   P2 (EXE)      8        5       missed
 *   P3 (CON)      5        5       4
 *   P4 (CON)    none       7       6
 *   P5 (CON)      7        6       entry without the score (too few items answered)
 *   X  never randomised: 2, 1, left out; P1 at an unscheduled visit: left out
 * </pre>
 */
class OutcomeFiguresTests {

    private static final OutcomeScore SEVERITY = new OutcomeScore("bpi_sf", new Wording("BPI-SF", "简明疼痛量表"),
            "pain_severity", new Wording("Pain severity", "疼痛程度"));
    private static final OutcomeScore INTERFERENCE = new OutcomeScore("bpi_sf", new Wording("BPI-SF", null),
            "pain_interference", new Wording("Pain interference", null));
    private static final List<Timepoint> SCHEDULE = List.of(
            new Timepoint("baseline", "Baseline", "基线", 0, 14, 3, List.of("bpi_sf")),
            new Timepoint("week_6", "Week 6", "第6周", 42, 7, 7, List.of("bpi_sf")),
            new Timepoint("week_12", "Week 12", "第12周", 84, 7, 7, List.of("bpi_sf")));
    private static final List<Arm> ARMS = List.of(new Arm("EXE", "Exercise", ArmKind.INTERVENTION, "Home"),
            new Arm("CON", "Control", ArmKind.CONTROL, "Advice"));

    private static AnalysedParticipant p(String id, String arm) {
        return new AnalysedParticipant(id, "RE-" + id, arm, arm.equals("EXE") ? ArmKind.INTERVENTION
                : ArmKind.CONTROL, LocalDate.of(2026, 1, 5), ParticipantStatus.ENROLLED, null, "Asia/Shanghai");
    }

    private static final List<AnalysedParticipant> RANDOMISED = List.of(p("P1", "EXE"), p("P2", "EXE"),
            p("P3", "CON"), p("P4", "CON"), p("P5", "CON"));

    private static List<ScoredEntry> entries() {
        List<ScoredEntry> entries = new ArrayList<>();
        Object[][] table = {{"P1", "baseline", 6.0}, {"P1", "week_6", 4.0}, {"P1", "week_12", 3.0},
                {"P2", "baseline", 8.0}, {"P2", "week_6", 5.0}, {"P3", "baseline", 5.0}, {"P3", "week_6", 5.0},
                {"P3", "week_12", 4.0}, {"P4", "week_6", 7.0}, {"P4", "week_12", 6.0}, {"P5", "baseline", 7.0},
                {"P5", "week_6", 6.0}, {"X", "baseline", 2.0}, {"X", "week_6", 1.0}, {"P1", "unscheduled", 9.0}};
        for (Object[] row : table) {
            entries.add(new ScoredEntry((String) row[0], (String) row[1], "bpi_sf", LocalDate.of(2026, 3, 2),
                    Map.of("pain_severity", (Double) row[2])));
        }
        entries.add(new ScoredEntry("P5", "week_12", "bpi_sf", LocalDate.of(2026, 3, 30), Map.of()));
        return entries;
    }

    private static void assertFigure(OutcomeSummary summary, String timepoint, @Nullable String arm, int n,
            @Nullable Double mean, @Nullable Double sd, int changeN, @Nullable Double changeMean,
            @Nullable Double changeSd) {
        OutcomeFigure f = summary.figure(SEVERITY.key(), timepoint, arm).orElseThrow();
        String what = timepoint + " " + arm;
        assertThat(f.n()).as(what + " n").isEqualTo(n);
        assertNumber(f.mean(), mean, what + " mean");
        assertNumber(f.sd(), sd, what + " sd");
        assertThat(f.changeN()).as(what + " change n").isEqualTo(changeN);
        assertNumber(f.changeMean(), changeMean, what + " change mean");
        assertNumber(f.changeSd(), changeSd, what + " change sd");
    }

    private static void assertNumber(@Nullable Double actual, @Nullable Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(0.0001));
        }
    }

    @Test
    void pooledFiguresAreWorkedByHandOverEveryoneRandomised() {
        OutcomeSummary pooled = OutcomeSummaries.summarise(List.of(SEVERITY, INTERFERENCE), SCHEDULE, List.of(),
                RANDOMISED, entries(), Locale.ENGLISH);
        // Baseline 6, 8, 5, 7: mean 6.5, squares 0.25 + 2.25 + 2.25 + 0.25 = 5, SD sqrt(5/3).
        assertFigure(pooled, "baseline", null, 4, 6.5, Math.sqrt(5.0 / 3), 0, null, null);
        // Week 6 4, 5, 5, 7, 6: mean 5.4, squares 5.2, SD sqrt(1.3); changes -2, -3, 0, -1 (P4 has no baseline).
        assertFigure(pooled, "week_6", null, 5, 5.4, Math.sqrt(1.3), 4, -1.5, Math.sqrt(5.0 / 3));
        // Week 12 3, 4, 6 (P2 missed, P5's score not computed): mean 13/3, squares 14/3, SD sqrt(7/3); changes -3, -1.
        assertFigure(pooled, "week_12", null, 3, 13.0 / 3, Math.sqrt(7.0 / 3), 2, -2.0, Math.sqrt(2));
        assertThat(pooled.byArm()).isFalse();
        // A score nobody has: n 0, no mean.
        assertThat(pooled.figure(INTERFERENCE.key(), "week_6", null).orElseThrow()).satisfies(f -> {
            assertThat(f.n()).isZero();
            assertThat(f.mean()).isNull();
        });
        // One source per entry used: 12 (not X, not the unscheduled visit, not P5's week 12 without the score).
        assertThat(pooled.sources()).hasSize(12).allSatisfy(s -> assertThat(s.arm()).isEmpty());
        assertThat(pooled.sources()).extracting(FigureSource::participant).doesNotContain("X", "RE-X");
        assertThat(pooled.sources().getFirst()).isEqualTo(new FigureSource("Pain severity · Baseline", "RE-P1", "",
                "BPI-SF Baseline (2026-03-02)", "6"));
    }

    @Test
    void byArmFiguresSplitTheSameEntriesByTheArmAllocated() {
        OutcomeSummary byArm = OutcomeSummaries.summarise(List.of(SEVERITY), SCHEDULE, ARMS, RANDOMISED, entries(),
                Locale.ENGLISH);
        assertFigure(byArm, "baseline", "EXE", 2, 7.0, Math.sqrt(2), 0, null, null);
        assertFigure(byArm, "week_6", "EXE", 2, 4.5, Math.sqrt(0.5), 2, -2.5, Math.sqrt(0.5));
        assertFigure(byArm, "week_12", "EXE", 1, 3.0, null, 1, -3.0, null);
        assertFigure(byArm, "baseline", "CON", 2, 6.0, Math.sqrt(2), 0, null, null);
        assertFigure(byArm, "week_6", "CON", 3, 6.0, 1.0, 2, -0.5, Math.sqrt(0.5));
        assertFigure(byArm, "week_12", "CON", 2, 5.0, Math.sqrt(2), 1, -1.0, null);
        assertThat(byArm.figure(SEVERITY.key(), "week_6", null)).isEmpty();
        assertThat(byArm.sources()).hasSize(12).filteredOn(s -> s.participant().equals("RE-P4"))
                .extracting(FigureSource::arm).containsOnly("CON");
        String csv = byArm.csv(Locale.ENGLISH);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(
                "instrument,score,score_name,timepoint,timepoint_name,arm,n,mean,sd,change_n,change_mean,change_sd");
        assertThat(csv.lines()).hasSize(1 + 3 * 2).contains(
                "bpi_sf,pain_severity,Pain severity,week_6,Week 6,EXE,2,4.50,0.71,2,-2.50,0.71",
                "bpi_sf,pain_severity,Pain severity,week_12,Week 12,CON,2,5.00,1.41,1,-1.00,");
        assertThat(byArm.csv(Locale.SIMPLIFIED_CHINESE)).contains(",疼痛程度,week_6,第6周,");
    }
}
