package org.researchportal.assessments;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.assessments.Item.ItemType;
import org.researchportal.base.ValidationException;

/**
 * Checks answers against an instrument and computes its scores. Answers are kept as text, as entered (numbers in
 * plain decimal, yes/no as "yes"/"no", dates as ISO), which is also how exports carry them. Pure: no data access.
 */
public final class InstrumentScoring {

    private InstrumentScoring() {
    }

    /** Refuses answers that do not fit their item, naming each field; drops blank answers. */
    public static Map<String, String> validated(Instrument instrument, Map<String, String> answers) {
        Map<String, String> clean = new LinkedHashMap<>();
        Map<String, String> errors = new HashMap<>();
        answers.forEach((code, raw) -> {
            if (raw == null || raw.isBlank()) {
                return;
            }
            Optional<Item> item = instrument.item(code);
            if (item.isEmpty()) {
                errors.put("item." + code, "assessment.item.unknown");
            } else if (!fits(item.get(), raw.trim())) {
                errors.put("item." + code, messageFor(item.get(), raw.trim()));
            } else {
                clean.put(code, raw.trim());
            }
        });
        for (Item item : instrument.items()) {
            boolean required = item.required() || (item.requiredWhen() != null
                    && item.requiredWhen().answer().equals(clean.get(item.requiredWhen().item())));
            if (required && !clean.containsKey(item.code()) && !errors.containsKey("item." + item.code())) {
                errors.put("item." + item.code(), "assessment.item.required");
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return clean;
    }

    /** Each score whose missing-item rule is met; a score with too few answers is left out, never guessed. */
    public static Map<String, Double> scores(Instrument instrument, Map<String, String> answers) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Score score : instrument.scores()) {
            List<Double> values = score.items().stream().map(answers::get).filter(a -> a != null)
                    .map(InstrumentScoring::number).toList();
            if (values.size() < Math.max(1, score.minAnswered())) {
                continue;
            }
            double result = switch (score.rule()) {
                case MEAN -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                case SUM -> values.stream().mapToDouble(Double::doubleValue).sum();
                case MAX -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            };
            scores.put(score.code(), Math.round(result * 100) / 100.0);
        }
        return scores;
    }

    private static boolean fits(Item item, String raw) {
        return switch (item.type()) {
            case INTEGER -> raw.matches("-?\\d{1,9}") && inRange(item, Double.parseDouble(raw));
            case DECIMAL -> raw.matches("-?\\d{1,9}(\\.\\d{1,3})?") && inRange(item, Double.parseDouble(raw));
            case YES_NO -> raw.equals("yes") || raw.equals("no");
            case DATE -> isDate(raw);
            // No control characters: they would break exports (ODM is XML) and mean nothing to a reader.
            case TEXT -> raw.length() <= Item.TEXT_MAX_LENGTH
                    && raw.codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t');
        };
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
        if (item.type() == ItemType.INTEGER && raw.matches("-?\\d{0,9}\\.\\d+")) {
            return "assessment.item.whole-number";
        }
        return item.type() == ItemType.INTEGER || item.type() == ItemType.DECIMAL ? "assessment.item.out-of-range"
                : "assessment.item.invalid";
    }

    /**
     * The scores the answers leave uncomputed under their missing-item rule (the BPI interference mean with fewer
     * than 4 of its 7 items answered), so the form and the saved record can say so rather than show nothing.
     */
    public static List<Score> notComputed(Instrument instrument, Map<String, String> answers) {
        return instrument.scores().stream().filter(score -> answered(score, answers) < Math.max(1,
                score.minAnswered())).toList();
    }

    /** How many of a score's items carry an answer. */
    public static int answered(Score score, Map<String, String> answers) {
        return (int) score.items().stream().map(answers::get).filter(a -> a != null && !a.isBlank()).count();
    }

    private static double number(String raw) {
        return raw.equals("yes") ? 1 : raw.equals("no") ? 0 : Double.parseDouble(raw);
    }
}
