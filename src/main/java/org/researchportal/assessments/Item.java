package org.researchportal.assessments;

import org.jspecify.annotations.Nullable;

/**
 * One question of an instrument, as data: its answer type and range, and when it must be answered.
 *
 * @param requiredWhen the item is required only when another item has a given answer (e.g. the stop date when the
 *     aromatase inhibitor was stopped); {@code null} with {@code required} false means optional
 */
public record Item(String code, String label, String labelZh, ItemType type, @Nullable Double min,
        @Nullable Double max, @Nullable String unit, boolean required, @Nullable RequiredWhen requiredWhen) {

    public static final int TEXT_MAX_LENGTH = 500;

    public enum ItemType {
        INTEGER, DECIMAL, YES_NO, DATE, TEXT
    }

    public record RequiredWhen(String item, String answer) {}

    static Item number(String code, String label, String labelZh, ItemType type, double min, double max,
            @Nullable String unit, boolean required) {
        return new Item(code, label, labelZh, type, min, max, unit, required, null);
    }
}
