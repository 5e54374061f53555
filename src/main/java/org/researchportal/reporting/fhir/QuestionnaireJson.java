package org.researchportal.reporting.fhir;

import static org.researchportal.reporting.fhir.Json.addExtension;
import static org.researchportal.reporting.fhir.Json.array;
import static org.researchportal.reporting.fhir.Json.extension;
import static org.researchportal.reporting.fhir.Json.object;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Choice;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A published instrument version as an R4 Questionnaire. Items keep their codes as linkIds, so a response's answers
 * read back against REDCap's data dictionary unchanged; the Chinese words ride on the translation extension.
 */
final class QuestionnaireJson {

    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
    static final String SLIDER_STEP = "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue";
    /**
     * The portal's expressions are REDCap's logic syntax (docs/expression-language.md), not FHIRPath or CQL, so they
     * cannot ride on SDC's calculatedExpression/enableWhenExpression: R4's Expression.language knows no code for them
     * (the validator refuses one). They travel as strings in the portal's own extensions, for a reader to translate.
     */
    static final String CALCULATION = "calculation";
    static final String BRANCHING = "branching";

    private QuestionnaireJson() {
    }

    static ObjectNode of(FhirAddress address, Instrument instrument, int version, boolean newest,
            @Nullable Instant publishedAt) {
        String calculation = address.extension(CALCULATION);
        String branching = address.extension(BRANCHING);
        ObjectNode q = Json.resource("Questionnaire", FhirAddress.questionnaireId(instrument.code(), version));
        q.put("language", "en");
        q.put("url", address.questionnaire(instrument.code()));
        q.put("version", String.valueOf(version));
        // que-0: a machine name of letters, digits and '_' starting with a capital.
        q.put("name", instrument.code().toUpperCase(Locale.ROOT));
        Json.words(q, "title", instrument.name());
        // A superseded version is retired: earlier entries were made with it, new ones use the newest.
        q.put("status", newest ? "active" : "retired");
        q.set("subjectType", array().add("Patient"));
        if (publishedAt != null) {
            q.put("date", publishedAt.toString());
        }
        Json.words(q, "description", instrument.note());
        ArrayNode items = array();
        Map<String, Item> earlier = new HashMap<>();
        for (Item item : instrument.items()) {
            if (item.section() != null) {
                // REDCap's section header: words shown above the item, a display item of their own.
                ObjectNode section = object().put("linkId", item.code() + ".section");
                Json.words(section, "text", item.section());
                section.put("type", "display");
                items.add(section);
            }
            items.add(item(address, instrument.code(), item, earlier, calculation, branching));
            earlier.put(item.code(), item);
        }
        q.set("item", items);
        return q;
    }

    /** The FHIR item type an answer of this kind is given as (a response's answers follow it). */
    static String type(ItemType type) {
        return switch (type) {
            case NUMBER, CALCULATED -> "decimal";
            case INTEGER, SCALE -> "integer";
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> "choice";
            case YES_NO -> "boolean";
            case DATE -> "date";
            case TEXT -> "text";
            case DESCRIPTIVE -> "display";
        };
    }

    private static ObjectNode item(FhirAddress address, String instrument, Item item, Map<String, Item> earlier,
            String calculationUrl, String branchingUrl) {
        ObjectNode node = object().put("linkId", item.code());
        Json.words(node, "text", item.label());
        node.put("type", type(item.type()));
        if (item.type().answered() && item.required()) {
            node.put("required", true);
        }
        if (item.type() == ItemType.MULTIPLE_CHOICE) {
            node.put("repeats", true);
        }
        if (item.type() == ItemType.CALCULATED) {
            node.put("readOnly", true);
            addExtension(node, extension(calculationUrl).put("valueString", item.calculation()));
        }
        if (item.unit() != null && !item.unit().isBlank()) {
            // The unit as written (kg, min): REDCap has no UCUM codes, so it is a display, not a coded unit.
            addExtension(node, extension(UNIT).set("valueCoding", object().put("display", item.unit())));
        }
        range(node, item);
        if (item.type() == ItemType.SCALE) {
            addExtension(node, extension(ITEM_CONTROL).set("valueCodeableConcept", object().set("coding", array()
                    .add(Json.coding("http://hl7.org/fhir/questionnaire-item-control", "slider", "Slider")))));
            addExtension(node, extension(SLIDER_STEP).put("valueInteger", 1));
            // The anchors (0 = "No pain" ... 10 = "Pain as bad as you can imagine") as words under the slider.
            ArrayNode anchors = array();
            for (Choice anchor : item.choices()) {
                ObjectNode display = object().put("linkId", item.code() + ".anchor." + anchor.code());
                Json.words(display, "text", new org.researchportal.assessments.Wording(
                        anchor.code() + ": " + anchor.label().en(),
                        anchor.label().zh() == null ? null : anchor.code() + ": " + anchor.label().zh()));
                display.put("type", "display");
                anchors.add(display);
            }
            if (!anchors.isEmpty()) {
                node.set("item", anchors);
            }
        } else if (item.type() == ItemType.SINGLE_CHOICE || item.type() == ItemType.MULTIPLE_CHOICE) {
            ArrayNode options = array();
            for (Choice choice : item.choices()) {
                ObjectNode coding = object().put("system", address.choices(instrument, item.code())).put("code",
                        choice.code());
                Json.words(coding, "display", choice.label());
                options.add(object().set("valueCoding", coding));
            }
            node.set("answerOption", options);
        }
        if (item.showWhen() != null && !item.showWhen().isBlank()) {
            Optional<Branching> branching = Branching.of(item.showWhen(), earlier,
                    question -> address.choices(instrument, question));
            if (branching.isPresent()) {
                node.set("enableWhen", branching.get().conditions);
                if (branching.get().conditions.size() > 1) {
                    node.put("enableBehavior", branching.get().any ? "any" : "all");
                }
            } else {
                // Beyond enableWhen's reach (functions, nesting, later items): the expression itself, which the
                // portal evaluates; a FHIR form filler that knows no REDCap logic shows the item always.
                addExtension(node, extension(branchingUrl).put("valueString", item.showWhen()));
            }
        }
        return node;
    }

    private static void range(ObjectNode node, Item item) {
        boolean whole = item.type() == ItemType.INTEGER || item.type() == ItemType.SCALE;
        boolean decimal = item.type() == ItemType.NUMBER;
        if (!whole && !decimal) {
            return;
        }
        for (var bound : List.of(Map.entry(MIN_VALUE, Optional.ofNullable(item.min())), Map.entry(MAX_VALUE,
                Optional.ofNullable(item.max())))) {
            bound.getValue().ifPresent(value -> {
                ObjectNode extension = extension(bound.getKey());
                if (whole) {
                    extension.put("valueInteger", (long) Math.rint(value));
                } else {
                    Json.decimal(extension, "valueDecimal", BigDecimal.valueOf(value));
                }
                addExtension(node, extension);
            });
        }
    }

    /**
     * REDCap branching that enableWhen can say: comparisons of an earlier item with a constant ({@code [x] = '1'},
     * {@code [x] > 3}, {@code [x] <> ''}), all joined by {@code and} or all by {@code or}.
     */
    record Branching(ArrayNode conditions, boolean any) {

        private static final Pattern COMPARISON = Pattern.compile(
                "\\s*\\[([a-z][a-z0-9_]*)]\\s*(<>|!=|>=|<=|=|>|<)\\s*(?:'([^']*)'|\"([^\"]*)\"|(-?[0-9]+(?:\\.[0-9]+)?))"
                        + "\\s*");

        static Optional<Branching> of(String logic, Map<String, Item> earlier,
                java.util.function.Function<String, String> choiceSystem) {
            boolean hasAnd = Pattern.compile("\\s(?i:and)\\s").matcher(logic).find();
            boolean hasOr = Pattern.compile("\\s(?i:or)\\s").matcher(logic).find();
            if (hasAnd && hasOr) {
                return Optional.empty();
            }
            String[] parts = logic.split(hasOr ? "\\s(?i:or)\\s" : "\\s(?i:and)\\s");
            List<ObjectNode> conditions = new ArrayList<>();
            for (String part : parts) {
                Matcher m = COMPARISON.matcher(part);
                if (!m.matches()) {
                    return Optional.empty();
                }
                Item question = earlier.get(m.group(1));
                String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
                Optional<ObjectNode> condition = question == null ? Optional.empty()
                        : condition(question, m.group(2), value, choiceSystem.apply(question.code()));
                if (condition.isEmpty()) {
                    return Optional.empty();
                }
                conditions.add(condition.get());
            }
            ArrayNode list = array();
            conditions.forEach(list::add);
            return Optional.of(new Branching(list, hasOr));
        }

        private static Optional<ObjectNode> condition(Item question, String redcapOperator, String value,
                String choiceSystem) {
            String operator = redcapOperator.equals("<>") ? "!=" : redcapOperator;
            ObjectNode condition = object().put("question", question.code());
            boolean equality = operator.equals("=") || operator.equals("!=");
            if (value.isEmpty()) {
                // Blank or not: answered at all.
                if (!equality) {
                    return Optional.empty();
                }
                return Optional.of(condition.put("operator", "exists").put("answerBoolean", operator.equals("!=")));
            }
            condition.put("operator", operator);
            switch (question.type()) {
                case YES_NO -> {
                    if (!equality || !(value.equals("1") || value.equals("0"))) {
                        return Optional.empty();
                    }
                    condition.put("answerBoolean", value.equals("1"));
                }
                case SINGLE_CHOICE -> {
                    if (!equality || question.choice(value).isEmpty()) {
                        return Optional.empty();
                    }
                    condition.set("answerCoding", object().put("system", choiceSystem).put("code", value));
                }
                case INTEGER, SCALE -> {
                    if (!value.matches("-?[0-9]{1,9}")) {
                        return Optional.empty();
                    }
                    condition.put("answerInteger", Integer.parseInt(value));
                }
                case NUMBER, CALCULATED -> {
                    if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) {
                        return Optional.empty();
                    }
                    Json.decimal(condition, "answerDecimal", new BigDecimal(value));
                }
                case DATE -> {
                    try {
                        condition.put("answerDate", LocalDate.parse(value).toString());
                    } catch (DateTimeParseException notADate) {
                        return Optional.empty();
                    }
                }
                case TEXT -> {
                    if (!equality) {
                        return Optional.empty();
                    }
                    condition.put("answerString", value);
                }
                default -> {
                    return Optional.empty();
                }
            }
            return Optional.of(condition);
        }
    }
}
