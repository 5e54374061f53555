package org.researchportal.base.clinical;

import java.util.Map;

/**
 * The study's hard edit checks, asked by every service that writes clinical data before it writes (beside
 * {@link ClinicalRecordLocks#requireWritable}); the quality module answers. Declared here so the writers need not know
 * that module.
 */
public interface ClinicalDataRules {

    /** The translation key of a failed check's refusal: its arguments are the check's English and Chinese message. */
    String FAILED = "edit-check.failed";

    /**
     * Refuses the form with a {@link org.researchportal.base.ValidationException} at the field the first failing hard
     * check points at, key {@link #FAILED}.
     *
     * @param values the form's fields as they would be saved, by data-point name ({@link FormValues})
     */
    void check(ClinicalForm form, Map<String, String> values);
}
