package org.researchportal.base.expression;

import org.jspecify.annotations.Nullable;

/**
 * One lexical piece of an expression, with its 0-based start and end. For a string the value is its content; for a
 * reference the value is the name and option its checkbox option; for a word the value is lower-cased.
 */
record Token(Kind kind, String text, int start, int end, String value, @Nullable String option) {

    enum Kind {
        NUMBER, STRING, REFERENCE, WORD, OPERATOR, OPEN, CLOSE, COMMA, END
    }

    boolean is(Kind expected, String word) {
        return kind == expected && value.equals(word);
    }
}
