package org.researchportal.base.expression;

/**
 * What an expression may name, for {@link Expression#check}: the designer answers with the instrument's items (those
 * before the one being designed, when order matters) and the schedule's timepoints.
 */
public interface ExpressionScope {

    boolean hasEvent(String event);

    boolean hasItem(String item);

    /** Whether the item is a multiple choice with this option code. */
    boolean hasOption(String item, String option);
}
