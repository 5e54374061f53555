package org.researchportal.quality;

import java.util.Locale;

/**
 * Where a study is in its life. Its clinical data may change until the database is locked. What each stage allows is
 * enforced by the services that write the study's data, through
 * {@link org.researchportal.base.clinical.ClinicalRecordLocks}.
 */
public enum StudyStage {
    /** Being built: its configuration changes freely; no one is screened or randomised yet. */
    SET_UP,
    /** Recruiting (a study never moved is here): everything is allowed. */
    RECRUITING,
    /** Recruitment closed: no one new is screened or randomised; follow-up and data entry go on. */
    FOLLOW_UP,
    /**
     * The database is locked: no service changes the study's data (clinical values, participation, programmes,
     * sessions, schedule, rules), reminders and call plans stop, and the blinded readers' exports name the arm.
     */
    LOCKED,
    /** Locked for good: as locked, and it can no longer be unlocked. */
    ARCHIVED;

    /** Whether the study's clinical data may still change. */
    public boolean open() {
        return this != LOCKED && this != ARCHIVED;
    }

    public String messageKey() {
        return "study-stage." + name().toLowerCase(Locale.ROOT);
    }
}
