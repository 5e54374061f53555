package org.researchportal.base.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in person of the current request (or of a {@link SystemActor} run). Read from Spring Security's context,
 * which Vaadin keeps per session, so views and services see the same person.
 */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<PortalUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof PortalPrincipal principal) {
            return Optional.of(principal.portalUser());
        }
        return Optional.empty();
    }

    /** How the signed-in person signed in (for what they answer themselves); empty when nobody is. */
    public static Optional<SignInWay> signInWay() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof PortalPrincipal principal) {
            return Optional.of(principal.signInWay());
        }
        return Optional.empty();
    }

    /** The signed-in person; fails when nobody is signed in (a programming error: services are secured). */
    public static PortalUser require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in portal user in this context"));
    }
}
