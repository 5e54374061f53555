package org.researchportal.base.expression;

import java.util.List;

/**
 * What is wrong with an expression and where, as a translation key with its arguments, so the designer can show it at
 * the expression in the reader's language. {@link #position()} is 0-based (for placing a cursor); the arguments name
 * the offending text first and the 1-based character number second ("Unexpected "," at character 15"), then any
 * detail the key needs.
 */
public final class ExpressionError extends RuntimeException {

    public static final String EMPTY = "expression.empty";
    public static final String TOO_LONG = "expression.too-long";
    public static final String TOO_DEEP = "expression.too-deep";
    public static final String UNEXPECTED = "expression.unexpected";
    public static final String UNEXPECTED_END = "expression.unexpected-end";
    public static final String UNCLOSED_BRACKET = "expression.unclosed-bracket";
    public static final String UNCLOSED_PARENTHESIS = "expression.unclosed-parenthesis";
    public static final String UNCLOSED_TEXT = "expression.unclosed-text";
    public static final String BAD_REFERENCE = "expression.bad-reference";
    public static final String BARE_NAME = "expression.bare-name";
    public static final String UNKNOWN_FUNCTION = "expression.unknown-function";
    public static final String ARGUMENTS_EXACTLY = "expression.arguments-exactly";
    public static final String ARGUMENTS_BETWEEN = "expression.arguments-between";
    public static final String ARGUMENTS_AT_LEAST = "expression.arguments-at-least";
    public static final String DATE_UNIT = "expression.date-unit";
    public static final String UNKNOWN_EVENT = "expression.unknown-event";
    public static final String UNKNOWN_ITEM = "expression.unknown-item";
    public static final String UNKNOWN_OPTION = "expression.unknown-option";

    /** Every key this class may carry, for the bundles' test. */
    public static final List<String> KEYS = List.of(EMPTY, TOO_LONG, TOO_DEEP, UNEXPECTED, UNEXPECTED_END,
            UNCLOSED_BRACKET, UNCLOSED_PARENTHESIS, UNCLOSED_TEXT, BAD_REFERENCE, BARE_NAME, UNKNOWN_FUNCTION,
            ARGUMENTS_EXACTLY, ARGUMENTS_BETWEEN, ARGUMENTS_AT_LEAST, DATE_UNIT, UNKNOWN_EVENT, UNKNOWN_ITEM,
            UNKNOWN_OPTION);

    private final int position;
    private final String key;
    private final List<Object> arguments;

    ExpressionError(int position, String key, Object what, Object... details) {
        super(key + " " + what + " at character " + (position + 1));
        this.position = position;
        this.key = key;
        Object[] all = new Object[details.length + 2];
        all[0] = what;
        all[1] = position + 1;
        System.arraycopy(details, 0, all, 2, details.length);
        this.arguments = List.of(all);
    }

    /** 0-based offset into the expression's text where the problem starts. */
    public int position() {
        return position;
    }

    /** The translation key (one of {@link #KEYS}). */
    public String key() {
        return key;
    }

    /** The key's arguments: {0} what, {1} the 1-based character number, then details. */
    public List<Object> arguments() {
        return arguments;
    }

    /** A parse error is a value the designer shows, not a fault to trace. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
