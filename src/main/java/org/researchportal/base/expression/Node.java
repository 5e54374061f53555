package org.researchportal.base.expression;

import java.util.List;

/**
 * The parsed form of an expression. Runs of "+"/"-", "*"/"/", "and" and "or" are one node each (not a nested pair
 * per operator), so a long sum neither deepens the tree nor the evaluation's stack.
 */
sealed interface Node {

    record Literal(Value value) implements Node {}

    record Ref(Reference reference) implements Node {}

    record Negate(Node operand) implements Node {}

    record Not(Node operand) implements Node {}

    /** first, then each operator applied with its operand, left to right. */
    record Chain(Node first, List<String> operators, List<Node> operands) implements Node {}

    record Power(Node base, Node exponent) implements Node {}

    record Comparison(Node left, String operator, Node right) implements Node {}

    record Logic(boolean and, List<Node> operands) implements Node {}

    record Call(ExpressionFunction function, List<Node> arguments) implements Node {}
}
