package org.researchportal.exercise;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * When a logged session raises an alert. The manual's rule is to stop when joint pain rises by {@value #PAIN_RISE} or
 * more: within the session (pain after against pain before), from the first session on; and against the
 * participant's baseline, the average pain before exercise over their first {@value #BASELINE_SESSIONS} sessions
 * (until there are that many, there is no baseline).
 */
final class AlertRules {

    static final int BASELINE_SESSIONS = 3;
    static final int PAIN_RISE = 2;

    private AlertRules() {
    }

    static OptionalDouble baseline(List<SessionRecord> sessions) {
        if (sessions.size() < BASELINE_SESSIONS) {
            return OptionalDouble.empty();
        }
        return sessions.stream().sorted(Comparator.comparing(SessionRecord::date)
                .thenComparing(SessionRecord::loggedAt)).limit(BASELINE_SESSIONS)
                .mapToInt(SessionRecord::painBefore).average();
    }

    /**
     * Whether pain rose by 2 or more during the latest session, or its pain (the worse of before and after) is 2 or
     * more above the earlier baseline.
     */
    static boolean painRise(List<SessionRecord> earlier, SessionRecord latest) {
        if (latest.painAfter() - latest.painBefore() >= PAIN_RISE) {
            return true;
        }
        OptionalDouble baseline = baseline(earlier);
        int pain = Math.max(latest.painBefore(), latest.painAfter());
        return baseline.isPresent() && pain >= baseline.getAsDouble() + PAIN_RISE;
    }
}
