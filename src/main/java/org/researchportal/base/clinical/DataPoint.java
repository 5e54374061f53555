package org.researchportal.base.clinical;

import java.util.Objects;

/** One field of one form: an instrument's item, an adverse event's field, a consent or call answer. */
public record DataPoint(ClinicalForm form, String item) {

    public DataPoint {
        Objects.requireNonNull(form);
        Objects.requireNonNull(item);
    }
}
