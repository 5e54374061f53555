package org.researchportal.base.clinical;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A service changed a participant's clinical data. Published in the writer's thread, after the change and its audit
 * entry: a verification mark on the form is cleared, a signature over it voided, soft edit checks run again.
 *
 * @param items the fields whose value changed (all of them when the form was created)
 * @param reason the reason given for a correction, {@code null} for a first entry
 */
public record ClinicalDataChanged(String tenantId, ClinicalForm form, Set<String> items, @Nullable String reason) {

    public ClinicalDataChanged {
        items = Set.copyOf(items);
    }
}
