package org.researchportal.quality;

import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.FormKind;

/**
 * An edit check as its author writes it: on which form, which field its message points at (the name an expression
 * uses, see docs/edit-checks.md), the expression that is true when the data are wrong, what it does then and its
 * message in English and Chinese. Nullable parts reach the service's check and are refused at their field.
 *
 * @param form an instrument's code, or the kind's code ({@code adverse_event}, ...) for the other kinds
 */
public record CheckDefinition(@Nullable String code, @Nullable FormKind kind, @Nullable String form,
        @Nullable String item, @Nullable String expression, @Nullable CheckSeverity severity,
        @Nullable String messageEn, @Nullable String messageZh, boolean enabled) {

    public static final int CODE_MAX = 50;
    public static final int MESSAGE_MAX = 500;
}
