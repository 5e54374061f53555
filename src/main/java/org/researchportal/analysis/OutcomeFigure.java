package org.researchportal.analysis;

import org.jspecify.annotations.Nullable;

/**
 * The summary of one outcome score at one timepoint, for everyone randomised (pooled, {@code arm} null) or for one arm:
 * how many values there are, their mean and standard deviation (with n - 1), and the change from baseline over the
 * participants with a value at both (how many, the mean and the SD of their differences). A mean is null without a
 * value, an SD with fewer than two; the baseline itself has no change.
 *
 * @param score the score's key ({@link org.researchportal.assessments.OutcomeScore#key()})
 */
public record OutcomeFigure(String score, String timepoint, @Nullable String arm, int n, @Nullable Double mean,
        @Nullable Double sd, int changeN, @Nullable Double changeMean, @Nullable Double changeSd) {}
