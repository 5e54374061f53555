package org.researchportal.assessments;

import java.util.List;

/**
 * A score computed from an instrument's items, with its missing-item rule: computed only when at least
 * {@code minAnswered} of its items are answered (the BPI interference mean needs 4 of 7), otherwise left empty.
 */
public record Score(String code, String label, String labelZh, Rule rule, List<String> items, int minAnswered) {

    public enum Rule {
        MEAN, SUM, MAX
    }
}
