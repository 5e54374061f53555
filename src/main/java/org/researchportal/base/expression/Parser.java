package org.researchportal.base.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.researchportal.base.expression.Token.Kind;

/**
 * Recursive descent over {@link Expression}'s grammar, one method per rule. Every cycle of recursion passes through
 * {@link #enter}, so nesting deeper than {@link Expression#MAX_DEPTH} is an error, never a StackOverflowError.
 */
final class Parser {

    private static final Set<String> COMPARISONS = Set.of("=", "==", "<>", "!=", "<", "<=", ">", ">=");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "true", "false");

    private final List<Token> tokens;
    private final List<Reference> references = new ArrayList<>();
    private int next;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The tree and, in order of appearance, the references it holds. */
    record Parsed(Node root, List<Reference> references) {}

    static Parsed parse(String text) {
        Parser parser = new Parser(Lexer.tokens(text));
        if (parser.peek().kind() == Kind.END) {
            throw new ExpressionError(0, ExpressionError.EMPTY, "");
        }
        Node root = parser.expression();
        if (parser.peek().kind() != Kind.END) {
            throw parser.unexpected(parser.peek());
        }
        return new Parsed(root, List.copyOf(parser.references));
    }

    private Node expression() {
        enter();
        Node node = or();
        depth--;
        return node;
    }

    private void enter() {
        if (++depth > Expression.MAX_DEPTH) {
            throw new ExpressionError(peek().start(), ExpressionError.TOO_DEEP, Expression.MAX_DEPTH);
        }
    }

    private Node or() {
        List<Node> operands = new ArrayList<>(List.of(and()));
        while (peek().is(Kind.WORD, "or")) {
            next++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.getFirst() : new Node.Logic(false, List.copyOf(operands));
    }

    private Node and() {
        List<Node> operands = new ArrayList<>(List.of(not()));
        while (peek().is(Kind.WORD, "and")) {
            next++;
            operands.add(not());
        }
        return operands.size() == 1 ? operands.getFirst() : new Node.Logic(true, List.copyOf(operands));
    }

    private Node not() {
        if (!peek().is(Kind.WORD, "not")) {
            return comparison();
        }
        next++;
        enter();
        Node operand = not();
        depth--;
        return new Node.Not(operand);
    }

    private Node comparison() {
        Node left = additive();
        Token operator = peek();
        if (operator.kind() == Kind.OPERATOR && COMPARISONS.contains(operator.value())) {
            next++;
            return new Node.Comparison(left, operator.value(), additive());
        }
        return left;
    }

    private Node additive() {
        return chain(true);
    }

    private Node term() {
        return chain(false);
    }

    /** A run of "+"/"-" (additive) or "*"/"/" (term). */
    private Node chain(boolean additive) {
        Node first = additive ? term() : power();
        List<String> operators = new ArrayList<>();
        List<Node> operands = new ArrayList<>();
        while (peek().kind() == Kind.OPERATOR && (additive ? peek().value().equals("+") || peek().value().equals("-")
                : peek().value().equals("*") || peek().value().equals("/"))) {
            operators.add(tokens.get(next++).value());
            operands.add(additive ? term() : power());
        }
        return operators.isEmpty() ? first : new Node.Chain(first, List.copyOf(operators), List.copyOf(operands));
    }

    private Node power() {
        Node base = unary();
        if (peek().is(Kind.OPERATOR, "^")) {
            next++;
            return new Node.Power(base, unary());
        }
        return base;
    }

    private Node unary() {
        if (!peek().is(Kind.OPERATOR, "-")) {
            return primary();
        }
        next++;
        enter();
        Node operand = unary();
        depth--;
        return new Node.Negate(operand);
    }

    private Node primary() {
        Token token = tokens.get(next++);
        return switch (token.kind()) {
            case NUMBER -> new Node.Literal(Value.number(Double.parseDouble(token.value())));
            case STRING -> new Node.Literal(Value.text(token.value()));
            case REFERENCE -> reference(token);
            case WORD -> word(token);
            case OPEN -> {
                Node inner = expression();
                close(token);
                yield inner;
            }
            default -> throw unexpected(token);
        };
    }

    /** [item], [item(option)], [event][item] or [event][item(option)]: the event is written right before the item. */
    private Node reference(Token first) {
        Token second = peek();
        Reference reference;
        if (second.kind() == Kind.REFERENCE && second.start() == first.end() && first.option() == null) {
            next++;
            reference = new Reference(first.value(), second.value(), second.option(), first.start());
        } else {
            reference = new Reference(null, first.value(), first.option(), first.start());
        }
        references.add(reference);
        return new Node.Ref(reference);
    }

    private Node word(Token word) {
        if (word.value().equals("true") || word.value().equals("false")) {
            return new Node.Literal(Value.of(word.value().equals("true")));
        }
        if (KEYWORDS.contains(word.value())) {
            throw unexpected(word);
        }
        if (peek().kind() != Kind.OPEN) {
            throw new ExpressionError(word.start(), ExpressionError.BARE_NAME, word.text());
        }
        ExpressionFunction function = ExpressionFunction.named(word.value());
        if (function == null) {
            throw new ExpressionError(word.start(), ExpressionError.UNKNOWN_FUNCTION, word.text());
        }
        Token open = tokens.get(next++);
        List<Node> arguments = new ArrayList<>();
        List<Token> firsts = new ArrayList<>();
        if (peek().kind() != Kind.CLOSE) {
            firsts.add(peek());
            arguments.add(expression());
            while (peek().kind() == Kind.COMMA) {
                next++;
                firsts.add(peek());
                arguments.add(expression());
            }
        }
        close(open);
        checkArguments(word, function, arguments, firsts);
        return new Node.Call(function, List.copyOf(arguments));
    }

    /** The count, and a datediff unit written as text, are known before any answer is. */
    private void checkArguments(Token word, ExpressionFunction function, List<Node> arguments, List<Token> firsts) {
        int given = arguments.size();
        if (given < function.fewest || given > function.most) {
            if (function.fewest == function.most) {
                throw new ExpressionError(word.start(), ExpressionError.ARGUMENTS_EXACTLY, word.text(),
                        function.fewest, given);
            }
            if (function.most == Integer.MAX_VALUE) {
                throw new ExpressionError(word.start(), ExpressionError.ARGUMENTS_AT_LEAST, word.text(),
                        function.fewest, given);
            }
            throw new ExpressionError(word.start(), ExpressionError.ARGUMENTS_BETWEEN, word.text(), function.fewest,
                    function.most, given);
        }
        if (function == ExpressionFunction.DATEDIFF && arguments.get(2) instanceof Node.Literal(Value unit)
                && !DateDifference.UNITS.contains(unit.asText())) {
            throw new ExpressionError(firsts.get(2).start(), ExpressionError.DATE_UNIT, firsts.get(2).text());
        }
    }

    private void close(Token open) {
        Token token = peek();
        if (token.kind() == Kind.CLOSE) {
            next++;
            return;
        }
        if (token.kind() == Kind.END) {
            throw new ExpressionError(open.start(), ExpressionError.UNCLOSED_PARENTHESIS, "(");
        }
        throw unexpected(token);
    }

    private ExpressionError unexpected(Token token) {
        return token.kind() == Kind.END
                ? new ExpressionError(token.start(), ExpressionError.UNEXPECTED_END, "")
                : new ExpressionError(token.start(), ExpressionError.UNEXPECTED, token.text());
    }

    private Token peek() {
        return tokens.get(next);
    }
}
