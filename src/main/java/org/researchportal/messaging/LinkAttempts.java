package org.researchportal.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How often an address may try a link: a fixed one-minute window per address, enough for a person and far too few
 * to guess 256-bit tokens. Kept in memory, so each portal instance counts its own.
 */
@Component
class LinkAttempts {

    static final int PER_MINUTE = 20;

    private final Clock clock;
    private final Map<String, long[]> attempts = new ConcurrentHashMap<>();

    LinkAttempts(Clock clock) {
        this.clock = clock;
    }

    boolean allowed(String address) {
        long minute = clock.millis() / 60_000;
        long[] window = attempts.compute(address, (a, w) -> w == null || w[0] != minute ? new long[] {minute, 1}
                : new long[] {minute, w[1] + 1});
        if (attempts.size() > 10_000) {
            attempts.entrySet().removeIf(e -> e.getValue()[0] != minute);
        }
        return window[1] <= PER_MINUTE;
    }

    /** Starts every address afresh (tests share one portal and one address). */
    void clear() {
        attempts.clear();
    }
}
