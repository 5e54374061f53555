package org.researchportal.base.expression;

import java.util.List;
import java.util.OptionalDouble;

/** One walk over the tree against one set of answers; no loops, so its cost is linear in the expression. */
final class Evaluation {

    private final Answers answers;

    Evaluation(Answers answers) {
        this.answers = answers;
    }

    Value of(Node node) {
        return switch (node) {
            case Node.Literal literal -> literal.value();
            case Node.Ref ref -> answer(ref.reference());
            case Node.Negate negate -> arithmetic(Value.number(0), "-", of(negate.operand()));
            case Node.Not not -> Value.of(!of(not.operand()).isTrue());
            case Node.Chain chain -> chain(chain);
            case Node.Power power -> arithmetic(of(power.base()), "^", of(power.exponent()));
            case Node.Comparison comparison -> Value.of(compare(of(comparison.left()), comparison.operator(),
                    of(comparison.right())));
            case Node.Logic logic -> logic(logic);
            case Node.Call call -> call.function().apply(call.arguments().stream().map(this::of).toList(), answers);
        };
    }

    private Value answer(Reference reference) {
        return Value.text(answers.answer(reference.event(), reference.item(), reference.option()));
    }

    private Value chain(Node.Chain chain) {
        Value result = of(chain.first());
        for (int i = 0; i < chain.operators().size(); i++) {
            result = arithmetic(result, chain.operators().get(i), of(chain.operands().get(i)));
        }
        return result;
    }

    /** Blank when either side is blank or not a number, on division by zero, and when the result is not finite. */
    private static Value arithmetic(Value left, String operator, Value right) {
        OptionalDouble a = left.asNumber();
        OptionalDouble b = right.asNumber();
        if (a.isEmpty() || b.isEmpty()) {
            return Value.blank();
        }
        double x = a.getAsDouble();
        double y = b.getAsDouble();
        return switch (operator) {
            case "+" -> Value.number(x + y);
            case "-" -> Value.number(x - y);
            case "*" -> Value.number(x * y);
            case "/" -> y == 0 ? Value.blank() : Value.number(x / y);
            default -> Value.number(Math.pow(x, y));
        };
    }

    /**
     * Blank equals only blank (so {@code [x] = ""} asks whether x is unanswered) and is neither less nor greater than
     * anything. Two sides that read as numbers compare as numbers ('01' = 1), others as text, case-sensitively.
     */
    static boolean compare(Value left, String operator, Value right) {
        boolean equality = operator.equals("=") || operator.equals("==");
        boolean inequality = operator.equals("<>") || operator.equals("!=");
        if (left.isBlank() || right.isBlank()) {
            boolean same = left.isBlank() && right.isBlank();
            return equality ? same : inequality && !same;
        }
        OptionalDouble a = left.asNumber();
        OptionalDouble b = right.asNumber();
        int order = a.isPresent() && b.isPresent()
                ? Double.compare(a.getAsDouble(), b.getAsDouble())
                : left.asText().compareTo(right.asText());
        return switch (operator) {
            case "=", "==" -> order == 0;
            case "<>", "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    /** Left to right, stopping as soon as the outcome is known. */
    private Value logic(Node.Logic logic) {
        List<Node> operands = logic.operands();
        for (Node operand : operands) {
            if (of(operand).isTrue() != logic.and()) {
                return Value.of(!logic.and());
            }
        }
        return Value.of(logic.and());
    }
}
