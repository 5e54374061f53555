package org.researchportal.quality;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.ClinicalForm;

/**
 * A form's verification mark as readers see it: who verified it and when, and, once a change cleared it, who changed
 * which items when (and why, when a reason was given).
 */
public record FormVerification(ClinicalForm form, VerificationState state, String verifiedByName,
        Instant verifiedAt, @Nullable String clearedByName, @Nullable Instant clearedAt, List<String> clearedItems,
        @Nullable String clearedReason) {

    public FormVerification {
        clearedItems = List.copyOf(clearedItems);
    }
}
