package org.researchportal.assessments;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An outcome instrument defined as data: its items and scores. A tenant can load the licensed questionnaire it uses
 * in the same shape, without code.
 *
 * @param note e.g. a licence statement, or that a demo questionnaire is not validated
 */
public record Instrument(String code, String name, String nameZh, List<Item> items, List<Score> scores,
        @Nullable String note) {

    public Optional<Item> item(String itemCode) {
        return items.stream().filter(i -> i.code().equals(itemCode)).findFirst();
    }
}
