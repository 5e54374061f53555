package org.researchportal.messaging;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portal's public address ({@code portal.base-url}) as messages and Twilio use it: links in messages, the status
 * callback Twilio is given, and the URL Twilio signs. Without one (the embedded default) links point at the local
 * portal and Twilio is given no callback.
 */
@Component
class PortalAddress {

    static final String LOCAL = "http://localhost:8080";

    private final @Nullable String configured;

    PortalAddress(@Value("${portal.base-url:}") String baseUrl) {
        this.configured = baseUrl.isBlank() ? null : baseUrl.replaceAll("/$", "");
    }

    Optional<String> configured() {
        return Optional.ofNullable(configured);
    }

    /** The address for links people open. */
    String base() {
        return configured == null ? LOCAL : configured;
    }
}
