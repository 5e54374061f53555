package org.researchportal.reporting.fhir;

import static org.researchportal.reporting.fhir.Json.array;
import static org.researchportal.reporting.fhir.Json.object;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.Respondent;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recorded assessment as an R4 QuestionnaireResponse: against the instrument version it was made with, about the
 * research subject (never a name), its answers typed as that version's Questionnaire asks, its scores as the calculated
 * items' decimals. Its author is the assessor who entered it, or, when the participant answered herself, the Patient,
 * who is then its source too. It carries no arm, as the assessment itself does not.
 */
final class ResponseJson {

    private ResponseJson() {
    }

    /** A response's id: its participant's and its own (the participant's leads to the record, in the tenant). */
    static String id(AssessmentRecord assessment) {
        return assessment.participantId() + "." + assessment.id();
    }

    /**
     * @param studyNumber the subject's study number, which names the Patient (as ResearchSubject.individual does)
     */
    static ObjectNode of(FhirAddress address, AssessmentRecord assessment, Instrument version, String studyNumber) {
        ObjectNode r = Json.resource("QuestionnaireResponse", id(assessment));
        Json.addExtension(r, Json.extension(address.extension("timepoint")).put("valueCode", assessment
                .timepoint()));
        r.put("questionnaire", address.questionnaire(assessment.instrument()) + "|" + assessment
                .instrumentVersion());
        r.put("status", "completed");
        r.set("subject", object().put("reference", "ResearchSubject/" + assessment.participantId()).put("type",
                "ResearchSubject"));
        r.put("authored", assessment.answeredAt().toString());
        if (assessment.respondent() == Respondent.PARTICIPANT) {
            // She answered herself: the Patient is both who wrote the answers down and who gave them, by study number.
            r.set("author", Json.byIdentifier("Patient", address.identifierSystem("study-number"), studyNumber));
            r.set("source", Json.byIdentifier("Patient", address.identifierSystem("study-number"), studyNumber));
        } else {
            // The assessor by user name, as the portal's record shows who entered it; nothing else about them.
            r.set("author", Json.byIdentifier("Practitioner", address.identifierSystem("username"), assessment
                    .assessedBy()));
        }
        ArrayNode items = array();
        for (Item item : version.items()) {
            ArrayNode answers = array();
            if (item.type() == ItemType.CALCULATED) {
                Double score = assessment.scores().get(item.code());
                if (score != null && Double.isFinite(score)) {
                    answers.add(Json.decimal(object(), "valueDecimal", BigDecimal.valueOf(score)));
                }
            } else if (item.type().answered()) {
                String answer = assessment.answers().get(item.code());
                if (answer != null && !answer.isBlank()) {
                    answers(address.choices(assessment.instrument(), item.code()), item, answer, answers);
                }
            }
            if (!answers.isEmpty()) {
                ObjectNode node = object().put("linkId", item.code());
                node.put("text", item.label().en());
                node.set("answer", answers);
                items.add(node);
            }
        }
        if (!items.isEmpty()) {
            r.set("item", items);
        }
        return r;
    }

    private static void answers(String choiceSystem, Item item, String answer, ArrayNode answers) {
        switch (item.type()) {
            case MULTIPLE_CHOICE -> {
                for (String code : answer.split(",")) {
                    if (!code.isBlank()) {
                        answers.add(object().set("valueCoding", coding(choiceSystem, item, code.strip())));
                    }
                }
            }
            case SINGLE_CHOICE -> answers.add(object().set("valueCoding", coding(choiceSystem, item, answer)));
            case YES_NO -> answers.add(answer.equals("1") || answer.equals("0")
                    ? object().put("valueBoolean", answer.equals("1"))
                    : string(answer));
            case INTEGER, SCALE -> answers.add(answer.strip().matches("-?[0-9]{1,9}")
                    ? object().put("valueInteger", Integer.parseInt(answer.strip()))
                    : string(answer));
            case NUMBER -> {
                BigDecimal number = decimal(answer);
                answers.add(number == null ? string(answer) : Json.decimal(object(), "valueDecimal", number));
            }
            case DATE -> answers.add(isDate(answer) ? object().put("valueDate", answer) : string(answer));
            default -> answers.add(string(answer));
        }
    }

    private static ObjectNode coding(String system, Item item, String code) {
        ObjectNode coding = object().put("system", system).put("code", code);
        item.choice(code).ifPresent(c -> coding.put("display", c.label().en()));
        return coding;
    }

    /** What was stored as it was, should it not be of the item's kind (the validator in the tests would say so). */
    private static ObjectNode string(String answer) {
        return object().put("valueString", answer);
    }

    private static @Nullable BigDecimal decimal(String answer) {
        try {
            return new BigDecimal(answer.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static boolean isDate(String answer) {
        try {
            LocalDate.parse(answer);
            return true;
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }
}
