package org.researchportal.quality;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.expression.Answers;

/**
 * A form's values as an edit check's expression reads them: by expression name, with, for an instrument, the same
 * instrument's saved values at the participant's other timepoints ({@code [baseline][right_1]}).
 */
final class CheckAnswers implements Answers {

    private final Map<String, String> own;
    private final Map<String, Map<String, String>> others;
    private final LocalDate today;

    private CheckAnswers(Map<String, String> own, Map<String, Map<String, String>> others, LocalDate today) {
        this.own = own;
        this.others = others;
        this.today = today;
    }

    /**
     * @param values the form's values by data-point name
     * @param otherOccasions the same form's values at other timepoints, by timepoint and data-point name
     */
    static CheckAnswers of(Map<String, String> values, Map<String, Map<String, String>> otherOccasions,
            LocalDate today) {
        Map<String, Map<String, String>> others = new HashMap<>();
        otherOccasions.forEach((event, v) -> others.put(event, byName(v)));
        return new CheckAnswers(byName(values), others, today);
    }

    private static Map<String, String> byName(Map<String, String> values) {
        Map<String, String> named = new HashMap<>();
        values.forEach((point, value) -> named.put(FormFields.name(point), value));
        return named;
    }

    /** The value of a field as saved, "" when blank. */
    String value(String name) {
        return own.getOrDefault(name, "");
    }

    @Override
    public @Nullable String answer(@Nullable String event, String item, @Nullable String option) {
        String answer = event == null ? own.get(item) : others.getOrDefault(event, Map.of()).get(item);
        if (option == null) {
            return answer;
        }
        return answer != null && Arrays.asList(answer.split(",")).contains(option) ? "1" : "0";
    }

    @Override
    public LocalDate today() {
        return today;
    }
}
