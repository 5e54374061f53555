package org.researchportal.assessments;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.expression.Expression;
import org.researchportal.base.expression.ExpressionError;
import org.researchportal.base.expression.Reference;

/**
 * What an instrument must be before it is stored: codes that are safe as export columns, REDCap variable names and
 * ODM OIDs; words a person can read; ranges, choices and anchors that fit the item's kind; and expressions that parse
 * and name only items that exist and come earlier. Each refusal names the field it is about ({@code items.3.showWhen}),
 * expression errors with where they are. Pure: the designer, the data dictionary import and the archive import all
 * ask it.
 */
public final class InstrumentRules {

    static final String CODE = "[a-z][a-z0-9_]{0,49}";
    static final String ITEM_CODE = "[a-z][a-z0-9_]{0,59}";
    static final String CHOICE_CODE = "-?[A-Za-z0-9_]{1,30}";
    /** The record id REDCap's first field carries, and the export's own column names: never an item's. */
    static final Set<String> RESERVED = Set.of("record_id", "assessed_on", "version", "redcap_event_name");
    static final int NAME_MAX = 200;
    static final int LABEL_MAX = 2000;
    static final int SHORT_MAX = 500;
    static final int ITEMS_MAX = 500;

    private InstrumentRules() {
    }

    /** Refuses an instrument that breaks a rule, naming every field at fault. */
    public static void check(Instrument instrument) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<Object>> arguments = new HashMap<>();
        if (instrument.code() == null || !instrument.code().matches(CODE)) {
            errors.put("code", "instrument.code.invalid");
        }
        if (!readable(instrument.name(), NAME_MAX, true)) {
            errors.put("name", "instrument.name.invalid");
        }
        if (instrument.note() != null && !readable(instrument.note(), LABEL_MAX, false)) {
            errors.put("note", "instrument.note.invalid");
        }
        if (instrument.items().isEmpty() || instrument.items().size() > ITEMS_MAX) {
            errors.put("items", "instrument.items.count");
        }
        Map<String, Item> earlier = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (int index = 0; index < instrument.items().size(); index++) {
            Item item = instrument.items().get(index);
            String field = "items." + index + ".";
            String problem = itemProblem(instrument, item, codes);
            if (problem != null) {
                errors.put(field + problem.substring(0, problem.indexOf(':')), problem.substring(problem.indexOf(':')
                        + 1));
            }
            if (item.showWhen() != null) {
                expressionProblem(item.showWhen(), earlier, item, false, field + "showWhen", errors, arguments);
            }
            if (item.type() == ItemType.CALCULATED) {
                expressionProblem(item.calculation(), calculable(instrument, item), item, true,
                        field + "calculation", errors, arguments);
            }
            // Branching reads answers: a score (computed after) or a description (never answered) is not one.
            if (item.code() != null && item.type().answered()) {
                earlier.put(item.code(), item);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors, arguments);
        }
    }

    /** What a calculation may use: every answered item, and the scores before it. */
    private static Map<String, Item> calculable(Instrument instrument, Item score) {
        Map<String, Item> usable = new HashMap<>();
        for (Item other : instrument.items()) {
            if (other == score) {
                break;
            }
            if (other.type() != ItemType.DESCRIPTIVE) {
                usable.put(other.code(), other);
            }
        }
        instrument.questions().forEach(q -> usable.put(q.code(), q));
        return usable;
    }

    /** The first problem with an item's own fields, as "field:message key"; null when it has none. */
    private static @Nullable String itemProblem(Instrument instrument, Item item, Set<String> codes) {
        if (item.code() == null || !item.code().matches(ITEM_CODE) || item.code().contains("___")
                || RESERVED.contains(item.code()) || item.code().equals(instrument.code() + "_complete")) {
            return "code:instrument.item.code.invalid";
        }
        if (!codes.add(item.code())) {
            return "code:instrument.item.code.taken";
        }
        if (item.type() == null) {
            return "type:instrument.item.type.invalid";
        }
        if (!readable(item.label(), LABEL_MAX, true)) {
            return "label:instrument.item.label.invalid";
        }
        if ((item.note() != null && !readable(item.note(), SHORT_MAX, false))
                || (item.section() != null && !readable(item.section(), SHORT_MAX, false))
                || (item.annotation() != null && !plain(item.annotation(), LABEL_MAX))) {
            return "note:instrument.item.note.invalid";
        }
        boolean numeric = item.type() == ItemType.NUMBER || item.type() == ItemType.INTEGER
                || item.type() == ItemType.SCALE;
        if (item.unit() != null && (!numeric || item.unit().isBlank() || !plain(item.unit(), 20))) {
            return "unit:instrument.item.unit.invalid";
        }
        if (!rangeFits(item, numeric)) {
            return "range:instrument.item.range.invalid";
        }
        if (!choicesFit(item)) {
            return "choices:instrument.item.choices.invalid";
        }
        if (item.required() && !item.type().answered()) {
            return "required:instrument.item.required.invalid";
        }
        if ((item.type() == ItemType.CALCULATED) != (item.calculation() != null)) {
            return "calculation:instrument.item.calculation.missing";
        }
        return null;
    }

    private static boolean rangeFits(Item item, boolean numeric) {
        if (!numeric) {
            return item.min() == null && item.max() == null;
        }
        boolean whole = item.type() != ItemType.NUMBER;
        for (Double bound : new Double[] {item.min(), item.max()}) {
            if (bound != null && (bound.isNaN() || bound.isInfinite() || Math.abs(bound) > 1e9
                    || (whole && bound != Math.rint(bound)))) {
                return false;
            }
        }
        if (item.type() == ItemType.SCALE) {
            return item.min() != null && item.max() != null && item.max() - item.min() >= 1
                    && item.max() - item.min() <= 100;
        }
        return item.min() == null || item.max() == null || item.min() <= item.max();
    }

    private static boolean choicesFit(Item item) {
        List<Choice> choices = item.choices();
        Set<String> seen = new HashSet<>();
        // REDCap names a checkbox's columns by its codes in lower case, "-" as "_": those must differ too. A label
        // may not hold "|", which separates choices (and a slider's labels) in the data dictionary.
        Set<String> columns = new HashSet<>();
        boolean wellFormed = choices.stream().allMatch(c -> c.code() != null && c.code().matches(CHOICE_CODE)
                && seen.add(c.code()) && columns.add(c.code().toLowerCase(java.util.Locale.ROOT).replace('-', '_'))
                && readable(c.label(), SHORT_MAX, true) && !c.label().en().contains("|")
                && (c.label().zh() == null || !c.label().zh().contains("|")));
        return switch (item.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> wellFormed && !choices.isEmpty() && choices.size() <= 100;
            case SCALE -> wellFormed && choices.size() <= 3 && choices.stream().allMatch(c -> scaleAnchor(item,
                    c.code()));
            default -> choices.isEmpty();
        };
    }

    /** A scale's anchors sit at its lowest value, its middle or its highest. */
    static boolean scaleAnchor(Item scale, String code) {
        long min = Math.round(scale.min());
        long max = Math.round(scale.max());
        return code.equals(String.valueOf(min)) || code.equals(String.valueOf(max))
                || code.equals(String.valueOf(min + (max - min) / 2));
    }

    private static void expressionProblem(@Nullable String text, Map<String, Item> usable, Item item,
            boolean calculation, String field, Map<String, String> errors, Map<String, List<Object>> arguments) {
        if (text == null || text.isBlank()) {
            errors.put(field, "instrument.item.calculation.missing");
            return;
        }
        try {
            Expression expression = Expression.parse(text);
            for (Reference reference : expression.references()) {
                Item named = usable.get(reference.item());
                int at = reference.position() + 1;
                if (reference.event() != null) {
                    refuse(errors, arguments, field, "expression.event.not-here", reference.event(), at);
                } else if (named == null) {
                    refuse(errors, arguments, field, reference.item().equals(item.code()) ? "expression.item.itself"
                            : "expression.unknown-item", reference.item(), at);
                } else if (calculation && named.type() == ItemType.TEXT) {
                    refuse(errors, arguments, field, "expression.item.not-a-number", reference.item(), at);
                } else if (reference.option() != null && (named.type() != ItemType.MULTIPLE_CHOICE
                        || named.choice(reference.option()).isEmpty())) {
                    refuse(errors, arguments, field, "expression.unknown-option", reference.toString(), at,
                            reference.item(), reference.option());
                } else {
                    continue;
                }
                return;
            }
        } catch (ExpressionError error) {
            errors.put(field, error.key());
            arguments.put(field, error.arguments());
        }
    }

    private static void refuse(Map<String, String> errors, Map<String, List<Object>> arguments, String field,
            String key, Object... values) {
        errors.put(field, key);
        arguments.put(field, List.of(values));
    }

    private static boolean readable(@Nullable Wording words, int max, boolean required) {
        if (words == null) {
            return !required;
        }
        return words.en() != null && !words.en().isBlank() && plain(words.en(), max)
                && (words.zh() == null || plain(words.zh(), max));
    }

    /** Text a person wrote: within its length, and no control characters but line breaks and tabs. */
    static boolean plain(String text, int max) {
        return text.length() <= max
                && text.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
    }
}
