package org.researchportal.assessments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.expression.Answers;
import org.researchportal.base.expression.Expression;
import org.researchportal.base.expression.Reference;
import org.researchportal.base.expression.Value;

/**
 * Checks answers against an instrument, decides which items show (branching) and computes its scores (calculated
 * items). Answers are kept as text, as entered (numbers in plain decimal, choices by code, yes/no as 1/0, dates as
 * ISO, a multiple choice's codes comma separated), which is also how exports carry them. Pure: no data access.
 */
public final class InstrumentScoring {

    /** What an item's code may look like ({@link InstrumentRules#ITEM_CODE}), as a form names it in its answers. */
    private static final java.util.regex.Pattern ITEM_CODE = java.util.regex.Pattern.compile(
            InstrumentRules.ITEM_CODE);

    private InstrumentScoring() {
    }

    /**
     * Refuses answers that do not fit their item, naming each field; drops blank answers and the answers of items
     * the branching hides (what the person can no longer see is not kept).
     */
    public static Map<String, String> validated(Instrument instrument, Map<String, String> answers) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> errors = new HashMap<>();
        answers.forEach((code, raw) -> {
            if (raw == null || raw.isBlank()) {
                return;
            }
            Optional<Item> item = instrument.item(code).filter(i -> i.type().answered());
            if (item.isEmpty()) {
                // A field is named after what was sent only while it could be an item; anything else (a name of
                // any size, thousands of them) is one refusal of the instrument's answers.
                if (code != null && ITEM_CODE.matcher(code).matches() && errors.size() < instrument.items().size()) {
                    errors.put("item." + code, "assessment.item.unknown");
                } else {
                    errors.put("instrument", "assessment.answers.unknown");
                }
            } else if (!fits(item.get(), raw.trim())) {
                errors.put("item." + code, messageFor(item.get(), raw.trim()));
            } else {
                given.put(code, normalised(item.get(), raw.trim()));
            }
        });
        Map<String, String> clean = new LinkedHashMap<>();
        for (Item item : instrument.questions()) {
            if (!shown(item, clean)) {
                continue;
            }
            String answer = given.get(item.code());
            if (answer != null) {
                clean.put(item.code(), answer);
            } else if (item.required() && !errors.containsKey("item." + item.code())) {
                errors.put("item." + item.code(), "assessment.item.required");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return clean;
    }

    /**
     * One answer on its own, as it is given (a participant's form keeps each the moment she gives it): refused at its
     * field when it does not fit the item, else answered as stored. Whether required items are answered is asked
     * only of the whole ({@link #validated}).
     */
    public static String checkedAnswer(Item item, String raw) {
        String answer = raw.trim();
        if (!item.type().answered()) {
            throw ValidationException.of("item." + item.code(), "assessment.item.unknown");
        }
        if (!fits(item, answer)) {
            throw ValidationException.of("item." + item.code(), messageFor(item, answer));
        }
        return normalised(item, answer);
    }

    /** The items shown for these answers, in order: those without branching, and those whose branching holds. */
    public static Set<String> shownItems(Instrument instrument, Map<String, String> answers) {
        Map<String, String> seen = new HashMap<>();
        Set<String> shown = new LinkedHashSet<>();
        for (Item item : instrument.items()) {
            if (shown(item, seen)) {
                shown.add(item.code());
                String answer = answers.get(item.code());
                if (answer != null && !answer.isBlank()) {
                    seen.put(item.code(), answer);
                }
            }
        }
        return shown;
    }

    /** Each score its expression computes; one its missing-item rule leaves blank is left out, never guessed. */
    public static Map<String, Double> scores(Instrument instrument, Map<String, String> answers) {
        Map<String, String> known = new HashMap<>(answers);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Item score : instrument.scores()) {
            Value value = Expression.parse(score.calculation()).evaluate(lookup(known));
            if (value.asNumber().isEmpty()) {
                continue;
            }
            double result = BigDecimal.valueOf(value.asNumber().getAsDouble()).setScale(2, RoundingMode.HALF_UP)
                    .doubleValue();
            scores.put(score.code(), result);
            known.put(score.code(), BigDecimal.valueOf(result).stripTrailingZeros().toPlainString());
        }
        return scores;
    }

    /**
     * The scores the answers leave uncomputed (the BPI interference mean with fewer than 4 of its 7 items answered),
     * so the form and the saved record can say so rather than show nothing.
     */
    public static List<Item> notComputed(Instrument instrument, Map<String, String> answers) {
        Map<String, Double> computed = scores(instrument, answers);
        return instrument.scores().stream().filter(s -> !computed.containsKey(s.code())).toList();
    }

    /** The items a score computes from. */
    public static List<String> itemsOf(Item score) {
        return Expression.parse(score.calculation()).references().stream().map(Reference::item).distinct().toList();
    }

    /** How many of a score's items carry an answer. */
    public static int answered(Item score, Map<String, String> answers) {
        return (int) itemsOf(score).stream().map(answers::get).filter(a -> a != null && !a.isBlank()).count();
    }

    private static boolean shown(Item item, Map<String, String> earlier) {
        return item.showWhen() == null || Expression.parse(item.showWhen()).evaluate(lookup(earlier)).isTrue();
    }

    /** Answers as the expression language reads them: a multiple choice's option is 1 when chosen, else 0. */
    private static Answers lookup(Map<String, String> answers) {
        return new Answers() {
            @Override
            public @Nullable String answer(@Nullable String event, String item, @Nullable String option) {
                String answer = event == null ? answers.get(item) : null;
                if (option == null) {
                    return answer;
                }
                return answer != null && List.of(answer.split(",")).contains(option) ? "1" : "0";
            }

            @Override
            public LocalDate today() {
                return LocalDate.now();
            }
        };
    }

    private static boolean fits(Item item, String raw) {
        return switch (item.type()) {
            case INTEGER, SCALE -> raw.matches("-?\\d{1,9}") && inRange(item, Double.parseDouble(raw));
            case NUMBER -> raw.matches("-?\\d{1,9}(\\.\\d{1,3})?") && inRange(item, Double.parseDouble(raw));
            case YES_NO -> raw.equals("1") || raw.equals("0");
            case SINGLE_CHOICE -> item.choice(raw).isPresent();
            case MULTIPLE_CHOICE -> List.of(raw.split(",", -1)).stream().allMatch(c -> item.choice(c).isPresent())
                    && List.of(raw.split(",")).stream().distinct().count() == raw.split(",").length;
            case DATE -> isDate(raw);
            // No control characters: they would break exports (ODM is XML) and mean nothing to a reader.
            case TEXT -> raw.length() <= Item.TEXT_MAX_LENGTH
                    && raw.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
            case CALCULATED, DESCRIPTIVE -> false;
        };
    }

    /** A multiple choice's codes in the item's order, so one answer has one spelling. */
    private static String normalised(Item item, String raw) {
        if (item.type() != ItemType.MULTIPLE_CHOICE) {
            return raw;
        }
        List<String> chosen = List.of(raw.split(","));
        return String.join(",", item.choices().stream().map(Choice::code).filter(chosen::contains).toList());
    }

    private static boolean inRange(Item item, double value) {
        return (item.min() == null || value >= item.min()) && (item.max() == null || value <= item.max());
    }

    private static boolean isDate(String raw) {
        try {
            LocalDate.parse(raw);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Why an answer does not fit: 2.5 for a whole-number item is not out of range, it is not a whole number. */
    private static String messageFor(Item item, String raw) {
        boolean whole = item.type() == ItemType.INTEGER || item.type() == ItemType.SCALE;
        if (whole && raw.matches("-?\\d{0,9}\\.\\d+")) {
            return "assessment.item.whole-number";
        }
        return whole || item.type() == ItemType.NUMBER ? "assessment.item.out-of-range" : "assessment.item.invalid";
    }
}
