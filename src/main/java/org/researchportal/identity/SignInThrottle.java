package org.researchportal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How sign-in slows a password guesser without locking out the account's owner.
 * <p>
 * Locking an account after a few wrong passwords from anywhere hands anyone who knows a username the power to keep a
 * clinician out of the portal for as long as they like. So failures count per account and place (the client address
 * {@code ProxiedRequests} works out): after {@link Account#MAX_FAILED_SIGN_INS} failures from one place that place
 * waits a minute before it may try that account again, twice as long after each further failure, up to
 * {@link Account#MAX_WAIT_MINUTES} minutes, so a guesser gets a handful of tries an hour while the owner, at their own
 * desk or phone, signs in as usual. A place that fails on many accounts (trying one common password on every
 * username) is turned away for the rest of a {@link #PLACE_WINDOW} after {@link #FAILURES_PER_PLACE} failures, unknown
 * usernames included. A success gives its attempt back. Counts are kept in the database, so every portal instance
 * sees the same ones, and each attempt is counted before the password is checked, so parallel guesses cannot slip
 * past. A sign-in with no request behind it (in-process) counts per account alone.
 */
@Component
class SignInThrottle {

    static final int FAILURES_PER_PLACE = 30;
    static final Duration PLACE_WINDOW = Duration.ofMinutes(15);
    /** Enough for any number of people signing in at once; past it an attempt is refused rather than spin. */
    private static final int RACES = 100;

    private final SignInAccounts store;

    SignInThrottle(SignInAccounts store) {
        this.store = store;
    }

    /** Counts an attempt at a known account from a place; answers whether it may go ahead (else: wait). */
    boolean reserve(String username, @Nullable String place, Instant now) {
        if (place != null && !store.countWithin(placeKey(place, now), FAILURES_PER_PLACE, now)) {
            return false;
        }
        String key = accountKey(username, place);
        for (int race = 0; race < RACES; race++) {
            Optional<SignInAttempts> counted = store.attempts(key);
            if (counted.map(SignInAttempts::getWaitUntil).filter(now::isBefore).isPresent()) {
                if (place != null) {
                    // Refused without a look at the password: no failure to count against the place.
                    store.uncount(placeKey(place, now));
                }
                return false;
            }
            int failures = counted.map(SignInAttempts::getFailures).orElse(0);
            if (store.moveAttempts(key, failures, failures + 1, waitAfter(failures + 1, now), now)) {
                return true;
            }
        }
        return false;
    }

    /** Counts an attempt at a username nobody has from a place; answers whether the place may still try. */
    boolean reserveUnknown(@Nullable String place, Instant now) {
        return place == null || store.countWithin(placeKey(place, now), FAILURES_PER_PLACE, now);
    }

    /** The right password: the account's count from this place starts afresh and the place's attempt is given back. */
    void succeeded(String username, @Nullable String place, Instant now) {
        store.forgetAttempts(accountKey(username, place));
        if (place != null) {
            store.uncount(placeKey(place, now));
        }
        if (now.getEpochSecond() % 97 == 0) {
            store.forgetAttemptsBefore(now.minus(Duration.ofDays(1)));
        }
    }

    /** Until when the place waits after this many failures in a row (none before the free ones are used up). */
    static @Nullable Instant waitAfter(int failures, Instant now) {
        if (failures < Account.MAX_FAILED_SIGN_INS) {
            return null;
        }
        long minutes = Math.min(Account.MAX_WAIT_MINUTES, 1L << Math.min(10, failures - Account.MAX_FAILED_SIGN_INS));
        return now.plus(Duration.ofMinutes(minutes));
    }

    private static String accountKey(String username, @Nullable String place) {
        return hash("account\n" + username + "\n" + (place == null ? "in-process" : place));
    }

    private static String placeKey(String place, Instant now) {
        return hash("place\n" + place + "\n" + now.getEpochSecond() / PLACE_WINDOW.toSeconds());
    }

    private static String hash(String key) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
