package org.researchportal.messaging;

import java.time.Duration;

/**
 * When a temporarily failed message is tried again: after 1, 2, 4, 8 ... minutes, never more than an hour apart,
 * and given up (failed, with the last reason) after the last allowed attempt.
 */
record RetryPolicy(Duration first, Duration cap, int maxAttempts) {

    static final RetryPolicy STANDARD = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 8);

    /** The wait before the next try, after the given number of attempts so far (1 after the first). */
    Duration delayAfter(int attempts) {
        long factor = 1L << Math.min(30, Math.max(0, attempts - 1));
        Duration delay = first.multipliedBy(factor);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
