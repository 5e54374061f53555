package org.researchportal.base.expression;

import org.jspecify.annotations.Nullable;

/**
 * One reference in an expression: {@code [item]}, {@code [item(option)]} or either qualified by an event,
 * {@code [event][item]}. The position is the 0-based offset of its first "[".
 */
public record Reference(@Nullable String event, String item, @Nullable String option, int position) {

    /** As REDCap writes it. */
    @Override
    public String toString() {
        return (event == null ? "" : "[" + event + "]") + "[" + item + (option == null ? "" : "(" + option + ")") + "]";
    }
}
