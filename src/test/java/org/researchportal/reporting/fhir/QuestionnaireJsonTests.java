package org.researchportal.reporting.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Choice;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.Wording;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every kind of item, and the branching enableWhen can say, as a Questionnaire that HAPI's validator accepts, and a
 * response to it that the validator checks against it (types, options, ranges, what branching hides).
 */
class QuestionnaireJsonTests {

    private static final FhirAddress ADDRESS = new FhirAddress("https://portal.example.org", "fudan");

    private static Item item(String code, ItemType type, List<Choice> choices, String showWhen) {
        return new Item(code, type, new Wording(code + " label", code + " 标签"), null, null, null, null, choices,
                false, showWhen, null, null, false, null);
    }

    private static final List<Choice> SIDES = List.of(new Choice("1", new Wording("Left", "左")), new Choice("2",
            new Wording("Right", "右")));

    private static final Instrument EVERY_KIND = new Instrument("every_kind", new Wording("Every kind", "各种"), List.of(
            Item.number("weight", ItemType.NUMBER, "Weight", "体重", 30, 250, "kg", true),
            Item.number("steps", ItemType.INTEGER, "Steps", "步数", 0, 100000, null, false),
            new Item("pain", ItemType.SCALE, new Wording("Pain", "疼痛"), null, null, 0.0, 10.0, List.of(new Choice(
                    "0", new Wording("None", "无")), new Choice("10", new Wording("Worst", "最重"))), true, null, null,
                    new Wording("Pain today", "今日疼痛"), false, null),
            item("side", ItemType.SINGLE_CHOICE, SIDES, null),
            item("joints", ItemType.MULTIPLE_CHOICE, SIDES, null),
            item("smoker", ItemType.YES_NO, List.of(), null),
            item("cigarettes", ItemType.INTEGER, List.of(), "[smoker] = '1'"),
            item("right_only", ItemType.TEXT, List.of(), "[side] = '2' and [pain] > 3"),
            item("either", ItemType.DATE, List.of(), "[smoker] = '0' or [weight] >= 100.5"),
            item("answered", ItemType.TEXT, List.of(), "[steps] <> ''"),
            item("too_hard", ItemType.TEXT, List.of(), "if([pain] > 3, 1, 0) = 1"),
            item("later", ItemType.TEXT, List.of(), "[note] = 'x'"),
            item("note", ItemType.DESCRIPTIVE, List.of(), null),
            Item.calculated("pain_doubled", "Pain doubled", "疼痛加倍", "[pain] * 2")), null);

    private static JsonNode item(ObjectNode questionnaire, String linkId) {
        for (JsonNode item : questionnaire.get("item")) {
            if (item.get("linkId").asString().equals(linkId)) {
                return item;
            }
        }
        throw new AssertionError(linkId);
    }

    @Test
    void everyKindOfItemIsAValidQuestionnaireItem() {
        ObjectNode q = QuestionnaireJson.of(ADDRESS, EVERY_KIND, 3, true, Instant.parse("2026-12-01T08:00:00Z"));

        assertThat(FhirValidation.problems(q.toString())).isEmpty();
        assertThat(q.get("id").asString()).isEqualTo("every-kind.3");
        assertThat(q.get("url").asString()).isEqualTo("https://portal.example.org/fhir/fudan/Questionnaire/every_kind");
        assertThat(item(q, "weight").toString()).contains("\"type\":\"decimal\"", "\"required\":true",
                "\"valueDecimal\":30.0", "\"display\":\"kg\"", "体重");
        assertThat(item(q, "pain").toString()).contains("\"type\":\"integer\"", "\"valueInteger\":10", "slider",
                "10: Worst", "10: 最重");
        assertThat(item(q, "pain.section").get("type").asString()).isEqualTo("display");
        assertThat(item(q, "joints").get("repeats").asBoolean()).isTrue();
        assertThat(item(q, "smoker").get("type").asString()).isEqualTo("boolean");
        assertThat(item(q, "cigarettes").get("enableWhen").toString()).isEqualTo(
                "[{\"question\":\"smoker\",\"operator\":\"=\",\"answerBoolean\":true}]");
        assertThat(item(q, "right_only").get("enableBehavior").asString()).isEqualTo("all");
        assertThat(item(q, "right_only").get("enableWhen").toString()).contains(
                "\"answerCoding\":{\"system\":\"https://portal.example.org/fhir/fudan/CodeSystem/every_kind/side\","
                        + "\"code\":\"2\"}",
                "\"operator\":\">\",\"answerInteger\":3");
        assertThat(item(q, "either").get("enableBehavior").asString()).isEqualTo("any");
        assertThat(item(q, "either").get("enableWhen").toString()).contains("\"answerDecimal\":100.5");
        assertThat(item(q, "answered").get("enableWhen").toString()).contains("\"operator\":\"exists\"",
                "\"answerBoolean\":true");
        // Beyond enableWhen (a function; an item further down): the REDCap logic in the portal's extension.
        for (String code : List.of("too_hard", "later")) {
            assertThat(item(q, code).has("enableWhen")).as(code).isFalse();
            assertThat(item(q, code).get("extension").toString()).as(code).contains("/branching");
        }
        assertThat(item(q, "pain_doubled").toString()).contains("\"readOnly\":true", "[pain] * 2");
        assertThat(QuestionnaireJson.of(ADDRESS, EVERY_KIND, 2, false, null).get("status").asString()).isEqualTo(
                "retired");
    }

    @Test
    void aResponseIsCheckedAgainstItsQuestionnaire() {
        FhirValidation.know(QuestionnaireJson.of(ADDRESS, EVERY_KIND, 3, true, null).toString());
        Map<String, String> answers = Map.of("weight", "72.50", "steps", "8000", "pain", "6", "side", "2", "joints",
                "1,2", "smoker", "1", "cigarettes", "5", "right_only", "worse on the right", "answered", "yes");
        String response = ResponseJson.of(ADDRESS, assessment(answers, Map.of("pain_doubled", 12.0)), EVERY_KIND,
                "RE-MS-001")
                .toString();

        assertThat(FhirValidation.problems(response)).isEmpty();
        assertThat(response).contains("\"questionnaire\":\"https://portal.example.org/fhir/fudan/Questionnaire/"
                + "every_kind|3\"", "\"valueDecimal\":72.50", "\"valueBoolean\":true",
                "/CodeSystem/every_kind/joints\",\"code\":\"1\",\"display\":\"Left\"}},{\"valueCoding\":",
                "\"valueDecimal\":12.0").doesNotContain("\"note\"");

        // What the validator catches: an answer branching hides, one out of range, one not among the options.
        Map<String, String> wrong = Map.of("weight", "300", "pain", "6", "side", "3", "smoker", "0", "cigarettes",
                "5");
        assertThat(FhirValidation.problems(ResponseJson.of(ADDRESS, assessment(wrong, Map.of()), EVERY_KIND,
                "RE-MS-001")
                .toString())).hasSizeGreaterThanOrEqualTo(3);
    }

    private static AssessmentRecord assessment(Map<String, String> answers, Map<String, Double> scores) {
        return new AssessmentRecord("a1", "p1", "baseline", "every_kind", 3, LocalDate.of(2026, 12, 1), answers,
                scores, "fudan.assessor", Instant.parse("2026-12-01T09:30:00Z"));
    }
}
