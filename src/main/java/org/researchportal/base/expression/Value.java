package org.researchportal.base.expression;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an expression gives: blank (no answer, or ""), a number, text or true/false. Text that reads as a plain decimal
 * ("7", "-2.5", ".5") counts as that number; true and false count as 1 and 0. A number is never NaN or infinite: such
 * a result is blank.
 */
public final class Value {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Value BLANK = new Value(Kind.BLANK, 0, null);
    private static final Value TRUE = new Value(Kind.BOOLEAN, 1, null);
    private static final Value FALSE = new Value(Kind.BOOLEAN, 0, null);

    private enum Kind {
        BLANK, NUMBER, TEXT, BOOLEAN
    }

    private final Kind kind;
    private final double number;
    private final @Nullable String text;

    private Value(Kind kind, double number, @Nullable String text) {
        this.kind = kind;
        this.number = number;
        this.text = text;
    }

    public static Value blank() {
        return BLANK;
    }

    /** Blank when NaN or infinite. */
    public static Value number(double number) {
        return Double.isFinite(number) ? new Value(Kind.NUMBER, number == 0 ? 0 : number, null) : BLANK;
    }

    /** Blank when null or "". */
    public static Value text(@Nullable String text) {
        return text == null || text.isEmpty() ? BLANK : new Value(Kind.TEXT, 0, text);
    }

    public static Value of(boolean truth) {
        return truth ? TRUE : FALSE;
    }

    public boolean isBlank() {
        return kind == Kind.BLANK;
    }

    boolean isText() {
        return kind == Kind.TEXT;
    }

    boolean isBoolean() {
        return kind == Kind.BOOLEAN;
    }

    /** The number, or empty when blank or text that does not read as a number. */
    public OptionalDouble asNumber() {
        return switch (kind) {
            case BLANK -> OptionalDouble.empty();
            case NUMBER, BOOLEAN -> OptionalDouble.of(number);
            case TEXT -> readNumber(Objects.requireNonNull(text));
        };
    }

    /** Blank and false are false; a number is true unless 0; text is true unless it reads as 0. */
    public boolean isTrue() {
        return switch (kind) {
            case BLANK -> false;
            case NUMBER, BOOLEAN -> number != 0;
            case TEXT -> asNumber().orElse(1) != 0;
        };
    }

    /** As a calculated item stores it: "" for blank, "1"/"0" for true/false, numbers without a needless ".0". */
    public String asText() {
        return switch (kind) {
            case BLANK -> "";
            case BOOLEAN -> number != 0 ? "1" : "0";
            case TEXT -> Objects.requireNonNull(text);
            case NUMBER -> number == Math.rint(number) && Math.abs(number) < 1e15
                    ? Long.toString((long) number)
                    : BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        };
    }

    private static OptionalDouble readNumber(String text) {
        String trimmed = text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(trimmed);
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Value that && kind == that.kind && Double.compare(number, that.number) == 0
                && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, number, text);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BLANK -> "blank";
            case BOOLEAN -> number != 0 ? "true" : "false";
            case TEXT -> "'" + text + "'";
            case NUMBER -> asText();
        };
    }
}
