package org.researchportal.quality;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * Puts a study in a stage for a test, without the checks a real move makes (the demo's data always has something that
 * blocks a lock), in the tenant of whoever is signed in. Tests share the demo data: each puts it back.
 */
public final class StudyStages {

    private StudyStages() {
    }

    public static void lock(ApplicationContext context, String studyId) {
        context.getBean(StudyLives.class).move(studyId, StudyStage.LOCKED, Instant.now(), "test", "Locked for a test");
    }

    /** Back to recruiting, as a study never moved is. */
    public static void reset(ApplicationContext context, String studyId) {
        context.getBean(StudyLives.class).move(studyId, StudyStage.RECRUITING, Instant.now(), "test",
                "Back for the other tests");
    }
}
