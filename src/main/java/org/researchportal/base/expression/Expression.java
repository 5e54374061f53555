package org.researchportal.base.expression;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A score, branching condition or edit check, parsed once from its text. The syntax is a subset of REDCap's, so REDCap
 * users' logic parses as written (keywords and function names in any case, whitespace anywhere between tokens):
 *
 * <pre>
 * expression := or
 * or         := and ( "or" and )*
 * and        := not ( "and" not )*
 * not        := "not" not | comparison                 (so not(...) reads as a call would)
 * comparison := additive ( ( "=" | "==" | "&lt;&gt;" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" ) additive )?
 * additive   := term ( ( "+" | "-" ) term )*
 * term       := power ( ( "*" | "/" ) power )*
 * power      := unary ( "^" unary )?                     (so -2^2 is 4, and 2^3^2 is an error)
 * unary      := "-" unary | primary
 * primary    := number | string | reference | call | "(" expression ")" | "true" | "false"
 * number     := digits [ "." digits ] | "." digits
 * string     := '...' | "..."                            (no escapes, as in REDCap)
 * reference  := [ "[" event "]" ] "[" name [ "(" option ")" ] "]"   (event and item written together)
 * name/event := [a-z][a-z0-9_]*, at most 100 characters; option := [A-Za-z0-9_.-]+
 * call       := function "(" [ expression ( "," expression )* ] ")"
 * </pre>
 *
 * Semantics, so a score stays empty rather than wrong: a reference reads its answer through {@link Answers} (blank
 * when unanswered); arithmetic with a blank or non-numeric side is blank, as is division by zero and any result that
 * is not a finite number; text that reads as a number is that number. Comparisons: see {@link Evaluation#compare};
 * blank equals only blank, so {@code [x] = ''} is true when x is unanswered, and blank is never less or greater.
 * {@code and}, {@code or}, {@code not} and {@code if} read blank, false, 0 and text reading as 0 as false, anything else
 * as true; their result is true/false, stored as 1/0. The functions are {@link ExpressionFunction}'s.
 *
 * <p>
 * Safety: the text is at most {@link #MAX_LENGTH} characters and nests at most {@link #MAX_DEPTH} levels, so hostile
 * text gets an {@link ExpressionError}, never a StackOverflowError; evaluation has no loops and uses no reflection.
 */
public final class Expression {

    public static final int MAX_LENGTH = 4000;
    public static final int MAX_DEPTH = 64;

    private final String text;
    private final Node root;
    private final List<Reference> references;

    private Expression(String text, Node root, List<Reference> references) {
        this.text = text;
        this.root = root;
        this.references = references;
    }

    /** @throws ExpressionError what is wrong and where, for the designer to show at the expression */
    public static Expression parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionError(MAX_LENGTH, ExpressionError.TOO_LONG, text.length(), MAX_LENGTH);
        }
        Parser.Parsed parsed = Parser.parse(text);
        return new Expression(text, parsed.root(), parsed.references());
    }

    /** The text exactly as written (what the designer stores and the data dictionary exports). */
    public String text() {
        return text;
    }

    /** Every reference, in the order written (repeats included, each with its position). */
    public List<Reference> references() {
        return references;
    }

    /** Never throws for a parsed expression (unless the answers do): what cannot be computed is blank. */
    public Value evaluate(Answers answers) {
        return new Evaluation(answers).of(root);
    }

    /** The references this scope does not know, each as an error at its position; empty when all are known. */
    public List<ExpressionError> check(ExpressionScope scope) {
        List<ExpressionError> problems = new ArrayList<>();
        for (Reference reference : references) {
            String event = reference.event();
            String option = reference.option();
            if (event != null && !scope.hasEvent(event)) {
                problems.add(new ExpressionError(reference.position(), ExpressionError.UNKNOWN_EVENT, event));
            } else if (!scope.hasItem(reference.item())) {
                problems.add(new ExpressionError(reference.position(), ExpressionError.UNKNOWN_ITEM,
                        reference.item()));
            } else if (option != null && !scope.hasOption(reference.item(), option)) {
                problems.add(new ExpressionError(reference.position(), ExpressionError.UNKNOWN_OPTION,
                        reference.toString(), reference.item(), option));
            }
        }
        return List.copyOf(problems);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Expression that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
