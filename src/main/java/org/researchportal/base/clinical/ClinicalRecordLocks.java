package org.researchportal.base.clinical;

/**
 * Whether a participant's clinical data may still change. Every service that writes clinical data asks before it
 * writes; the quality module answers (a form or a participant locked by a monitor, a study whose database is locked).
 * Declared here, in the base every writer may use, so the writers need not know the module that answers.
 */
public interface ClinicalRecordLocks {

    /** The field a refusal names. */
    String FIELD = "record";

    /**
     * Refuses a change to this form with a {@link org.researchportal.base.ValidationException} on {@link #FIELD}:
     * {@code record.locked} when the form or the participant is locked, {@code study.locked} when the study's
     * database is.
     */
    void requireWritable(ClinicalForm form);

    /** Whether the study's database is locked (or archived): nothing of it may change and sweeps leave it alone. */
    boolean studyLocked(String studyId);
}
