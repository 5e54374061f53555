package org.researchportal.base.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.expression.Token.Kind;

/** Splits an expression's text into tokens; an unclosed bracket or text, or a stray character, is an error here. */
final class Lexer {

    static final int MAX_NAME = 100;
    private static final Pattern REFERENCE = Pattern
            .compile("([a-z][a-z0-9_]{0," + (MAX_NAME - 1) + "})(?:\\(([A-Za-z0-9_.\\-]+)\\))?");
    private static final List<String> OPERATORS = List.of("<=", ">=", "<>", "!=", "==", "=", "<", ">", "+", "-", "*",
            "/", "^");

    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        // Space characters too: logic pasted from a word processor carries no-break spaces
        while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || Character.isSpaceChar(text.charAt(
                at)))) {
            at++;
        }
        int start = at;
        if (at == text.length()) {
            return new Token(Kind.END, "", start, start, "", null);
        }
        char c = text.charAt(at);
        if (isDigit(c) || (c == '.' && at + 1 < text.length() && isDigit(text.charAt(at + 1)))) {
            return number(start);
        }
        if (c == '\'' || c == '"') {
            int close = text.indexOf(c, start + 1);
            if (close < 0) {
                throw new ExpressionError(start, ExpressionError.UNCLOSED_TEXT, String.valueOf(c));
            }
            at = close + 1;
            return token(Kind.STRING, start, text.substring(start + 1, close), null);
        }
        if (c == '[') {
            return reference(start);
        }
        if (isWordCharacter(c)) {
            while (at < text.length() && (isWordCharacter(text.charAt(at)))) {
                at++;
            }
            return token(Kind.WORD, start, text.substring(start, at).toLowerCase(Locale.ROOT), null);
        }
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, at)) {
                at += operator.length();
                return token(Kind.OPERATOR, start, operator, null);
            }
        }
        at++;
        return switch (c) {
            case '(' -> token(Kind.OPEN, start, "(", null);
            case ')' -> token(Kind.CLOSE, start, ")", null);
            case ',' -> token(Kind.COMMA, start, ",", null);
            default -> throw new ExpressionError(start, ExpressionError.UNEXPECTED, text.substring(start,
                    start + Character.charCount(text.codePointAt(start))));
        };
    }

    private Token number(int start) {
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
        }
        if (at + 1 < text.length() && text.charAt(at) == '.' && isDigit(text.charAt(at + 1))) {
            at++;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
        }
        return token(Kind.NUMBER, start, text.substring(start, at), null);
    }

    private Token reference(int start) {
        int close = text.indexOf(']', start + 1);
        int nextOpen = text.indexOf('[', start + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
            throw new ExpressionError(start, ExpressionError.UNCLOSED_BRACKET, "[");
        }
        at = close + 1;
        Matcher name = REFERENCE.matcher(text.substring(start + 1, close));
        if (!name.matches()) {
            throw new ExpressionError(start, ExpressionError.BAD_REFERENCE, text.substring(start, at));
        }
        return token(Kind.REFERENCE, start, name.group(1), name.group(2));
    }

    private Token token(Kind kind, int start, String value, @Nullable String option) {
        return new Token(kind, text.substring(start, at), start, at, value, option);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }
}
