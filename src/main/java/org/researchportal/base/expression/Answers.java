package org.researchportal.base.expression;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Where an expression's references find their answers; the caller (an entry form, an edit check) implements it. */
public interface Answers {

    /**
     * The stored answer as text (a plain decimal, an ISO date, a choice code), or null or "" when there is none. For a
     * checkbox option ({@code [item(option)]}) "1" when ticked and "0" when not. The event is null when the reference
     * names none (the entry's own timepoint).
     */
    @Nullable
    String answer(@Nullable String event, String item, @Nullable String option);

    /** The evaluation's today, for {@code datediff(..., 'today', ...)}. */
    LocalDate today();
}
