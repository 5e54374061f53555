package org.researchportal.messaging;

import java.time.Clock;
import org.researchportal.base.security.GuessingLimit;
import org.springframework.stereotype.Component;

/** How often an address may try a signed link: 20 a minute, every attempt counted. */
@Component
class LinkAttempts {

    static final int PER_MINUTE = 20;

    private final GuessingLimit limit;

    LinkAttempts(Clock clock) {
        this.limit = new GuessingLimit(PER_MINUTE, clock);
    }

    boolean allowed(String address) {
        return limit.allowed(address);
    }

    /** Starts every address afresh (tests share one portal and one address). */
    void clear() {
        limit.clear();
    }
}
