package org.researchportal.base;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The address people and providers reach the portal on, for links in messages and set-password links: the configured
 * {@code portal.base-url} ({@code PORTAL_BASE_URL}). Without one (the embedded default) the portal on this machine, on
 * the port its server actually listens on. Never taken from a request's Host header, which the sender chooses.
 */
@Component
public class PublicAddress {

    private static final int DEFAULT_PORT = 8080;

    private final @Nullable String configured;
    private volatile int localPort = DEFAULT_PORT;

    @Autowired
    PublicAddress(BaseProperties settings) {
        this(settings.baseUrl());
    }

    public PublicAddress(String baseUrl) {
        this.configured = baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
    }

    /** The configured public address, if any (Twilio is given callbacks only then). */
    public Optional<String> configured() {
        return Optional.ofNullable(configured);
    }

    /** The address for links people open, without a trailing slash. */
    public String base() {
        return configured != null ? configured : "http://localhost:" + localPort;
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        if (event.getWebServer().getPort() > 0) {
            localPort = event.getWebServer().getPort();
        }
    }
}
