package org.researchportal.assessments;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One item of an instrument, as data: what it asks, the answers it takes, when it shows and, for a score, how it is
 * computed. Expressions (branching, calculation) are written in the portal's one expression language, REDCap's
 * logic syntax ({@code [still_taking] = '0'}).
 *
 * @param note words shown under the field (REDCap's field note)
 * @param unit of a number, shown beside it (kg, min)
 * @param choices a choice item's answers; a scale's anchors (its lowest, optional middle and highest values)
 * @param showWhen the branching logic: the item shows (and can be required) only when this holds
 * @param calculation a calculated item's expression, e.g. {@code if(count([a],[b],[c]) >= 2, mean([a],[b],[c]), '')}
 * @param section a heading shown above the item (REDCap's section header)
 * @param identifier the answer identifies the person (left out of de-identified exports)
 * @param annotation REDCap's field annotation as written, less the portal's own tags (kept for the round trip)
 */
public record Item(String code, ItemType type, Wording label, @Nullable Wording note, @Nullable String unit,
        @Nullable Double min, @Nullable Double max, List<Choice> choices, boolean required, @Nullable String showWhen,
        @Nullable String calculation, @Nullable Wording section, boolean identifier, @Nullable String annotation) {

    public static final int TEXT_MAX_LENGTH = 500;

    public Item {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A number, whole or not, in a range, with its unit. */
    public static Item number(String code, ItemType type, String label, String labelZh, double min, double max,
            @Nullable String unit, boolean required) {
        return new Item(code, type, new Wording(label, labelZh), null, unit, min, max, List.of(), required, null,
                null, null, false, null);
    }

    /** A score computed by an expression. */
    public static Item calculated(String code, String label, String labelZh, String calculation) {
        return new Item(code, ItemType.CALCULATED, new Wording(label, labelZh), null, null, null, null, List.of(),
                false, null, calculation, null, false, null);
    }

    public Optional<Choice> choice(String choiceCode) {
        return choices.stream().filter(c -> c.code().equals(choiceCode)).findFirst();
    }

    public Item withShowWhen(@Nullable String logic) {
        return new Item(code, type, label, note, unit, min, max, choices, required, logic, calculation, section,
                identifier, annotation);
    }

    public Item withChoices(List<Choice> newChoices) {
        return new Item(code, type, label, note, unit, min, max, newChoices, required, showWhen, calculation, section,
                identifier, annotation);
    }
}
