package org.researchportal.base.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one address may try secrets (signed links, API tokens) in a fixed one-minute window: enough for a person
 * or a data manager's script, far too few to guess 256-bit tokens. Kept in memory, so each portal instance counts its
 * own. Each kind of secret has a limiter of its own.
 */
public final class GuessingLimit {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, long[]> attempts = new ConcurrentHashMap<>();

    public GuessingLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Counts an attempt from the address and answers whether it is still within the limit. */
    public boolean allowed(String address) {
        return count(address) <= perMinute;
    }

    /** Whether the address has used up this minute's attempts, without counting one. */
    public boolean exhausted(String address) {
        long[] window = attempts.get(address);
        return window != null && window[0] == clock.millis() / 60_000 && window[1] >= perMinute;
    }

    /** Counts a failed attempt (for secrets where only failures count). */
    public void failed(String address) {
        count(address);
    }

    private long count(String address) {
        long minute = clock.millis() / 60_000;
        long[] window = attempts.compute(address, (a, w) -> w == null || w[0] != minute ? new long[] {minute, 1}
                : new long[] {minute, w[1] + 1});
        if (attempts.size() > 10_000) {
            attempts.entrySet().removeIf(e -> e.getValue()[0] != minute);
        }
        return window[1];
    }

    /** Starts every address afresh (tests share one portal and one address). */
    public void clear() {
        attempts.clear();
    }
}
