package org.researchportal.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Failed sign-ins counted under one key: an account from one place, or one place over every account in a window. The
 * key is a hash, so the collection holds neither usernames nor addresses. Belongs to no tenant: sign-in counts before
 * it knows one. Forgotten a day after the last attempt.
 */
@Document("sign_in_attempts")
class SignInAttempts {

    @Id
    private String key;
    private int failures;
    private @Nullable Instant waitUntil;
    @Indexed(expireAfter = "1d")
    private Instant lastAt;

    SignInAttempts(String key, int failures, @Nullable Instant waitUntil, Instant lastAt) {
        this.key = key;
        this.failures = failures;
        this.waitUntil = waitUntil;
        this.lastAt = lastAt;
    }

    int getFailures() {
        return failures;
    }

    @Nullable
    Instant getWaitUntil() {
        return waitUntil;
    }
}
