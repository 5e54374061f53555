package org.researchportal.demo;

import static org.researchportal.study.CriterionRule.Combination.ALL;
import static org.researchportal.study.CriterionRule.Combination.ANY;
import static org.researchportal.study.CriterionRule.Operator.AT_LEAST;
import static org.researchportal.study.CriterionRule.Operator.EQUALS;
import static org.researchportal.study.CriterionRule.Operator.LESS_THAN;
import static org.researchportal.study.EligibilityCriterion.Kind.EXCLUSION;
import static org.researchportal.study.EligibilityCriterion.Kind.INCLUSION;
import static org.researchportal.study.ScreeningMeasure.MeasureType.NUMBER;
import static org.researchportal.study.ScreeningMeasure.MeasureType.YES_NO;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.researchportal.study.CriterionRule;
import org.researchportal.study.CriterionRule.Condition;
import org.researchportal.study.EligibilityCriterion;
import org.researchportal.study.EligibilityModel;
import org.researchportal.study.RandomisationPlan;
import org.researchportal.study.RandomisationPlan.StratificationFactor;
import org.researchportal.study.ScreeningMeasure;
import org.researchportal.study.Timepoint;

/**
 * The demo studies' eligibility and randomisation, as data. RE-MS's criteria follow the trial listing
 * (NCT06754293): the BPI-or-risk-factor inclusion and the bone density exclusion are computed from what is entered.
 */
public final class DemoStudyDesigns {

    private DemoStudyDesigns() {
    }

    public static EligibilityModel reMsEligibility() {
        var measures = List.of(
                new ScreeningMeasure("bpi_worst", NUMBER, "BPI worst pain in the last 24 hours (0-10)",
                        "BPI 过去24小时最严重疼痛（0-10）", 0.0, 10.0, null),
                new ScreeningMeasure("bone_turnover_raised", YES_NO, "Raised bone turnover markers", "骨转换标志物升高",
                        null, null, null),
                new ScreeningMeasure("vitamin_d_low", YES_NO, "Low vitamin D", "维生素D水平降低", null, null, null),
                new ScreeningMeasure("cytokines_raised", YES_NO, "Raised inflammatory cytokines", "炎症细胞因子升高",
                        null, null, null),
                new ScreeningMeasure("crp_raised", YES_NO, "Raised C-reactive protein", "C反应蛋白升高", null, null,
                        null),
                new ScreeningMeasure("rf_raised", YES_NO, "Raised rheumatoid factor", "类风湿因子升高", null, null,
                        null),
                new ScreeningMeasure("bmd_t_score", NUMBER, "Bone mineral density T-score", "骨密度 T 值", -6.0, 4.0,
                        null));
        var painOrRisk = new CriterionRule(ANY, List.of(new Condition("bpi_worst", AT_LEAST, 3),
                new Condition("bone_turnover_raised", EQUALS, 1), new Condition("vitamin_d_low", EQUALS, 1),
                new Condition("cytokines_raised", EQUALS, 1), new Condition("crp_raised", EQUALS, 1),
                new Condition("rf_raised", EQUALS, 1)));
        var osteoporosis = new CriterionRule(ALL, List.of(new Condition("bmd_t_score", LESS_THAN, -2.5)));
        var criteria = List.of(
                new EligibilityCriterion("I1", INCLUSION, "Hormone receptor-positive breast cancer, stage I-III",
                        "病理确诊激素受体阳性乳腺癌（I-III期）", null),
                new EligibilityCriterion("I2", INCLUSION,
                        "Started an aromatase inhibitor (anastrozole, letrozole or exemestane)",
                        "已开始芳香化酶抑制剂治疗（阿那曲唑、来曲唑或依西美坦）", null),
                new EligibilityCriterion("I3", INCLUSION, "Postmenopausal (including surgically induced menopause)",
                        "绝经后女性（包括手术绝经）", null),
                new EligibilityCriterion("I4", INCLUSION, "Clear consciousness, able to communicate and comply",
                        "意识清楚，无认知或沟通障碍，能够配合干预", null),
                new EligibilityCriterion("I5", INCLUSION,
                        "BPI score >= 3 or at least one risk factor (bone turnover, vitamin D, cytokines, CRP, RF)",
                        "BPI 评分 ≥3，或至少存在一项危险因素", painOrRisk),
                new EligibilityCriterion("I6", INCLUSION, "Not in another physiotherapy or exercise programme",
                        "未参加可能干扰本研究的物理治疗或运动干预", null),
                new EligibilityCriterion("E1", EXCLUSION, "Recurrence or distant metastasis", "乳腺癌复发或远处转移",
                        null),
                new EligibilityCriterion("E2", EXCLUSION, "Another malignancy", "合并其他恶性肿瘤", null),
                new EligibilityCriterion("E3", EXCLUSION, "Rheumatoid arthritis, joint trauma or severe joint disease",
                        "类风湿关节炎、骨关节外伤或其他严重骨关节疾病", null),
                new EligibilityCriterion("E4", EXCLUSION, "Bone mineral density T-score below -2.5",
                        "骨密度 T 值 < -2.5", osteoporosis),
                new EligibilityCriterion("E5", EXCLUSION, "Absolute contraindication to exercise", "存在运动绝对禁忌证",
                        null));
        return new EligibilityModel(measures, criteria);
    }

    /** Screening values for a demo candidate of RE-MS: eligible, or excluded by a low bone density T-score. */
    static Map<String, Double> reMsScreening(boolean eligible) {
        return Map.of("bpi_worst", 5.0, "bmd_t_score", eligible ? -1.1 : -2.9);
    }

    /** Screening values for a demo candidate of STRIDE-K: eligible, or too soon after surgery. */
    static Map<String, Double> strideScreening(boolean eligible) {
        return Map.of("weeks_since_surgery", eligible ? 9.0 : 3.0);
    }

    /** The answers a suitable candidate gives: every manual inclusion met, no manual exclusion present. */
    static Map<String, Boolean> suitableAnswers(EligibilityModel model) {
        Map<String, Boolean> answers = new HashMap<>();
        model.criteria().stream().filter(c -> !c.computed()).forEach(c -> answers.put(c.code(),
                c.kind() == INCLUSION));
        return answers;
    }

    /**
     * RE-MS: baseline at enrolment, week 6 and week 12, each with its window, all five instruments; the participant
     * reports pain, stiffness, adherence and quality of life herself, the assessor measures grip.
     */
    public static List<Timepoint> reMsSchedule() {
        List<String> all = List.of("bpi_sf", "stiffness", "grip", "ai_adherence", "qol_demo");
        List<String> selfReported = List.of("bpi_sf", "stiffness", "ai_adherence", "qol_demo");
        return List.of(new Timepoint("baseline", "Baseline", "基线", 0, 14, 3, all, selfReported),
                new Timepoint("week_6", "Week 6", "第6周", 42, 7, 7, all, selfReported),
                new Timepoint("week_12", "Week 12", "第12周", 84, 7, 7, all, selfReported));
    }

    static List<Timepoint> strideSchedule() {
        List<String> some = List.of("bpi_sf", "stiffness", "qol_demo");
        return List.of(new Timepoint("baseline", "Baseline", "基线", 0, 14, 3, some),
                new Timepoint("week_8", "Week 8", "第8周", 56, 7, 7, some));
    }

    public static RandomisationPlan reMsRandomisation() {
        return new RandomisationPlan(Map.of("EXERCISE", 1, "CONTROL", 1), List.of(1, 2), List.of());
    }

    public static EligibilityModel strideEligibility() {
        var measures = List.of(new ScreeningMeasure("weeks_since_surgery", NUMBER, "Weeks since knee replacement",
                "膝关节置换术后周数", 0.0, 104.0, "weeks"));
        var window = new CriterionRule(ALL, List.of(new Condition("weeks_since_surgery", AT_LEAST, 6)));
        return new EligibilityModel(measures, List.of(
                new EligibilityCriterion("I1", INCLUSION, "Primary total knee replacement", "初次全膝关节置换", null),
                new EligibilityCriterion("I2", INCLUSION, "At least 6 weeks since surgery", "术后至少6周", window),
                new EligibilityCriterion("E1", EXCLUSION, "Unable to walk 10 metres unaided", "无法独立行走10米",
                        null)));
    }

    public static RandomisationPlan strideRandomisation() {
        return new RandomisationPlan(Map.of("SUPERVISED", 1, "USUAL", 1), List.of(1, 2), List.of(
                new StratificationFactor("age", "Age group", "年龄组", List.of("under-65", "65-plus"))));
    }
}
