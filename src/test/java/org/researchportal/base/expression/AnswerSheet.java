package org.researchportal.base.expression;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Answers for tests, written as "item", "item(option)" or "event:item" to the stored text. */
final class AnswerSheet implements Answers {

    private final Map<String, String> answers = new HashMap<>();
    private final LocalDate today;

    AnswerSheet(LocalDate today) {
        this.today = today;
    }

    AnswerSheet() {
        this(LocalDate.of(2026, 12, 6));
    }

    AnswerSheet with(String key, String answer) {
        answers.put(key, answer);
        return this;
    }

    @Override
    public @Nullable String answer(@Nullable String event, String item, @Nullable String option) {
        String key = (event == null ? "" : event + ":") + item + (option == null ? "" : "(" + option + ")");
        return answers.get(key);
    }

    @Override
    public LocalDate today() {
        return today;
    }

    Value evaluate(String expression) {
        return Expression.parse(expression).evaluate(this);
    }
}
