package org.researchportal.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.researchportal.study.CriterionRule.Combination.ANY;
import static org.researchportal.study.CriterionRule.Operator.AT_LEAST;
import static org.researchportal.study.CriterionRule.Operator.EQUALS;
import static org.researchportal.study.EligibilityCriterion.Kind.INCLUSION;
import static org.researchportal.study.ScreeningMeasure.MeasureType.NUMBER;
import static org.researchportal.study.ScreeningMeasure.MeasureType.YES_NO;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.study.CriterionRule.Condition;
import org.researchportal.study.RandomisationPlan.StratificationFactor;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a tenant administrator types into the study's set-up is checked by the service, which names the part to fix:
 * an inconsistent eligibility model, randomisation plan or schedule is refused before anything is stored.
 */
class StudyConfigurationTests extends PortalTest {

    private static final ScreeningMeasure BPI = new ScreeningMeasure("bpi_worst", NUMBER, "BPI worst", "BPI 最严重",
            0.0, 10.0, null);
    private static final ScreeningMeasure VITAMIN_D = new ScreeningMeasure("vitamin_d_low", YES_NO, "Low vitamin D",
            "维生素D低", null, null, null);

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;

    private String tenantId;
    private String studyId;

    @BeforeEach
    void newTenantWithAStudy() {
        tenantId = "c" + UUID.randomUUID().toString().substring(0, 8);
        SystemActor.runAs("test", null, Set.of(PortalRole.PLATFORM_ADMIN),
                () -> tenants.create(tenantId, "Configuration test", "Asia/Shanghai"));
        studyId = asAdmin(() -> studies.create(new StudyRecord("CONF", "Configuration test", null, List.of(
                new Arm("EXERCISE", "Exercise", ArmKind.INTERVENTION, ""),
                new Arm("CONTROL", "Control", ArmKind.CONTROL, "")), 20, null, null, null)).id());
    }

    @Test
    void aComputedCriterionLikeReMsIsAccepted() {
        var rule = new CriterionRule(ANY, List.of(new Condition("bpi_worst", AT_LEAST, 3),
                new Condition("vitamin_d_low", EQUALS, 1)));
        assertThatCode(() -> configure(List.of(BPI, VITAMIN_D), List.of(criterion("I5", rule))))
                .doesNotThrowAnyException();
        assertThat(asAdmin(() -> studies.eligibilityModel(studyId)).criteria().getFirst().rule()).isEqualTo(rule);
    }

    @Test
    void eligibilityRefusalsNameTheMeasuresOrTheCriteria() {
        assertRefused(() -> configure(List.of(BPI, BPI), List.of()), "measures", "study.eligibility.measure-duplicate");
        assertRefused(() -> configure(List.of(new ScreeningMeasure("BPI worst", NUMBER, "BPI", "", null, null, null)),
                List.of()), "measures", "study.eligibility.measure-code");
        assertRefused(() -> configure(List.of(new ScreeningMeasure("bpi_worst", NUMBER, "BPI", "", 10.0, 0.0, null)),
                List.of()), "measures", "study.eligibility.measure-range");
        assertRefused(() -> configure(List.of(BPI), List.of(criterion("I1", null), criterion("I1", null))),
                "criteria", "study.eligibility.criterion-duplicate");
        assertRefused(() -> configure(List.of(BPI), List.of(criterion("I 1; drop", null))), "criteria",
                "study.eligibility.criterion-code");
        assertRefused(() -> configure(List.of(BPI), List.of(criterion("I5", new CriterionRule(ANY, List.of(
                new Condition("bpi_worse", AT_LEAST, 3)))))), "criteria", "study.eligibility.rule-measure");
        assertRefused(() -> configure(List.of(BPI), List.of(criterion("I5", new CriterionRule(ANY, List.of())))),
                "criteria", "study.eligibility.rule-empty");
        // A yes/no measure is 1 or 0: "vitamin D low >= 5" could never hold and is a typing mistake.
        assertRefused(() -> configure(List.of(VITAMIN_D), List.of(criterion("I5", new CriterionRule(ANY, List.of(
                new Condition("vitamin_d_low", AT_LEAST, 5)))))), "criteria", "study.eligibility.rule-threshold");
        assertThat(asAdmin(() -> studies.eligibilityModel(studyId))).isEqualTo(EligibilityModel.NONE);
    }

    @Test
    void aPlanWithBadStrataOrBlocksIsRefusedAtThatPart() {
        Map<String, Integer> ratio = Map.of("EXERCISE", 1, "CONTROL", 1);
        assertRefused(() -> plan(new RandomisationPlan(ratio, List.of(1, 2), List.of(
                factor("age", List.of("under-65", "65-plus")), factor("age", List.of("a", "b"))))), "strata",
                "study.randomisation.strata");
        // A level holding ';' or '=' would corrupt the stratum key the sequence is filed under.
        assertRefused(() -> plan(new RandomisationPlan(ratio, List.of(1), List.of(
                factor("age", List.of("under=65", "65;plus"))))), "strata", "study.randomisation.strata");
        assertRefused(() -> plan(new RandomisationPlan(ratio, List.of(1), List.of(
                factor("age", List.of("young", "young"))))), "strata", "study.randomisation.strata");
        assertRefused(() -> plan(new RandomisationPlan(ratio, List.of(), List.of())), "blockMultiples",
                "study.randomisation.blocks");
        assertRefused(() -> plan(new RandomisationPlan(Map.of("EXERCISE", 1), List.of(1), List.of())), "ratio",
                "study.randomisation.ratio");
        assertThat(asAdmin(() -> studies.randomisationPlan(studyId))).isEmpty();
    }

    @Test
    void aTimepointNeedsALabelAndAWindowWithinReason() {
        List<String> bpi = List.of("bpi_sf");
        assertRefused(() -> schedule(new Timepoint("baseline", " ", "", 0, 14, 3, bpi)), "schedule",
                "study.schedule.invalid");
        assertRefused(() -> schedule(new Timepoint("week_6", "Week 6", "", 42, 7, 7, List.of("bpi_sf", "bpi_sf"))),
                "schedule", "study.schedule.invalid");
        assertRefused(() -> schedule(new Timepoint("week_6", "Week 6", "", 42, -1, 7, bpi)), "schedule",
                "study.schedule.invalid");
        assertThatCode(() -> schedule(new Timepoint("week_6", "Week 6", "第6周", 42, 7, 7, bpi)))
                .doesNotThrowAnyException();
    }

    private void configure(List<ScreeningMeasure> measures, List<EligibilityCriterion> criteria) {
        asAdmin(() -> {
            studies.configureEligibility(studyId, new EligibilityModel(measures, criteria));
            return null;
        });
    }

    private void plan(RandomisationPlan plan) {
        asAdmin(() -> {
            studies.configureRandomisation(studyId, plan);
            return null;
        });
    }

    private void schedule(Timepoint timepoint) {
        asAdmin(() -> {
            studies.configureSchedule(studyId, List.of(timepoint));
            return null;
        });
    }

    private static EligibilityCriterion criterion(String code, CriterionRule rule) {
        return new EligibilityCriterion(code, INCLUSION, "Criterion " + code, "标准", rule);
    }

    private static StratificationFactor factor(String code, List<String> levels) {
        return new StratificationFactor(code, "Age group", "年龄组", levels);
    }

    private static void assertRefused(Runnable change, String field, String key) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldMessageKeys()).containsEntry(field, key));
    }

    private <T> T asAdmin(java.util.function.Supplier<T> work) {
        return asSystem(tenantId, EnumSet.of(PortalRole.TENANT_ADMIN), work);
    }
}
