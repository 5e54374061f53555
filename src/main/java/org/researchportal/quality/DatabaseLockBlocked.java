package org.researchportal.quality;

import java.util.List;
import org.researchportal.base.ValidationException;

/** A database lock refused because something still blocks it; the form shows what, each blocker in words. */
public class DatabaseLockBlocked extends ValidationException {

    public static final String FIELD = "lock";

    private final transient List<LockBlocker> blockers;

    DatabaseLockBlocked(List<LockBlocker> blockers) {
        super(java.util.Map.of(FIELD, "study-life.lock.blocked"), java.util.Map.of(FIELD, List.of(blockers.size())));
        this.blockers = List.copyOf(blockers);
    }

    public List<LockBlocker> blockers() {
        return blockers;
    }
}
