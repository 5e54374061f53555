package org.researchportal.assessments;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An outcome instrument defined as data: its items, scores among them (calculated items). A tenant builds its own,
 * or imports the licensed questionnaire it uses from a REDCap data dictionary, without code.
 *
 * @param note e.g. a licence statement, or that a demo questionnaire is not validated
 */
public record Instrument(String code, Wording name, List<Item> items, @Nullable Wording note) {

    public Instrument {
        items = List.copyOf(items);
    }

    public Optional<Item> item(String itemCode) {
        return items.stream().filter(i -> i.code().equals(itemCode)).findFirst();
    }

    /** The items a person answers. */
    public List<Item> questions() {
        return items.stream().filter(i -> i.type().answered()).toList();
    }

    /** The scores: items computed from the others. */
    public List<Item> scores() {
        return items.stream().filter(i -> i.type() == ItemType.CALCULATED).toList();
    }
}
