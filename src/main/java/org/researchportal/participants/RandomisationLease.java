package org.researchportal.participants;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The short lease a randomisation holds on a participant. While it is live, nothing else changes the participant's
 * eligibility, consent or status, so a claimed allocation place is never left with someone who cannot be enrolled.
 */
final class RandomisationLease {

    static final String FIELD = "randomisingSince";
    /** How long one clinician's randomisation may hold a participant before another may retry it. */
    static final Duration LENGTH = Duration.ofMinutes(2);

    private RandomisationLease() {
    }

    /** Matches participants no randomisation holds right now. */
    static Criteria free(Instant now) {
        return new Criteria().orOperator(Criteria.where(FIELD).is(null), Criteria.where(FIELD).lt(now.minus(LENGTH)));
    }
}
