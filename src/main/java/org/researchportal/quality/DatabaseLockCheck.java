package org.researchportal.quality;

import java.util.List;

/**
 * One thing that must be complete before a study's database may be locked: open queries, the verification plan,
 * the investigator's signatures. Each feature declares its own; the database lock asks them all and lists what blocks.
 */
public interface DatabaseLockCheck {

    /** What blocks the lock now, in the tenant in scope; empty when this check is satisfied. */
    List<LockBlocker> blockers(String studyId);
}
