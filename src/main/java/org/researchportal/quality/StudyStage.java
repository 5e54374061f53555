package org.researchportal.quality;

import java.util.Locale;

/** Where a study is in its life. Its clinical data may change until the database is locked. */
public enum StudyStage {
    SET_UP,
    RECRUITING,
    FOLLOW_UP,
    LOCKED,
    ARCHIVED;

    /** Whether the study's clinical data may still change. */
    public boolean open() {
        return this != LOCKED && this != ARCHIVED;
    }

    public String messageKey() {
        return "study-stage." + name().toLowerCase(Locale.ROOT);
    }
}
