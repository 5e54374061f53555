package org.researchportal.study;

import org.jspecify.annotations.Nullable;

/**
 * A value entered at screening that eligibility rules compute from, e.g. RE-MS's BPI worst-pain score (0-10) or
 * whether vitamin D is low (yes/no). Defined by the study, so another study brings its own.
 *
 * @param min the lowest accepted number (numbers only)
 * @param max the highest accepted number (numbers only)
 */
public record ScreeningMeasure(String code, MeasureType type, String label, String labelZh, @Nullable Double min,
        @Nullable Double max, @Nullable String unit) {

    public enum MeasureType {
        NUMBER, YES_NO
    }

    /** Whether a value is acceptable for this measure: yes/no as 1 or 0, numbers within the range. */
    public boolean accepts(double value) {
        if (type == MeasureType.YES_NO) {
            return value == 0 || value == 1;
        }
        return (min == null || value >= min) && (max == null || value <= max);
    }
}
