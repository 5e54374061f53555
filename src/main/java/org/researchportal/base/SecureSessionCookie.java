package org.researchportal.base;

import jakarta.servlet.ServletContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Marks the session cookie Secure whenever people reach the portal over TLS ({@code PORTAL_BASE_URL} is https), in any
 * profile: behind a TLS-terminating proxy the portal's own connection is plain HTTP, so the server would not know to.
 * Production sets it outright ({@code server.servlet.session.cookie.secure}).
 */
@Component
class SecureSessionCookie implements ServletContextInitializer {

    private final PublicAddress publicAddress;

    SecureSessionCookie(PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        if (publicAddress.configured().filter(address -> address.regionMatches(true, 0, "https:", 0, 6))
                .isPresent()) {
            servletContext.getSessionCookieConfig().setSecure(true);
        }
    }
}
