package org.researchportal.messaging;

import org.jspecify.annotations.Nullable;

/** How a provider took a message: accepted (with its id), worth trying again later, or refused for good. */
sealed interface SendResult {

    record Sent(String providerId) implements SendResult {}

    /** A temporary failure: too many requests, the provider's own error, a time-out. */
    record Retry(@Nullable String code, String detail) implements SendResult {}

    /** A permanent failure: an invalid number, an unsubscribed recipient, a rejected address. */
    record Failed(@Nullable String code, String detail) implements SendResult {}
}
