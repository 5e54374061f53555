package org.researchportal.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers on every response, including the pages Vaadin serves outside Spring Security's filter chain
 * (the sign-in page among them): the content security policy, no framing, no MIME sniffing, no referrer to other
 * sites, no camera or microphone, and HSTS whenever the request came over HTTPS.
 */
@Component
// After ProxiedRequests, so a request that reached the proxy over HTTPS (an https PORTAL_BASE_URL) is seen as secure.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeaders extends OncePerRequestFilter {

    /**
     * Vaadin's client needs inline and evaluated scripts and inline styles; everything else comes from the portal
     * itself, and no site may frame it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' "
            + "'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; "
            + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; "
            + "form-action 'self'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";
    /** A year, subdomains included: once a browser has seen the portal over HTTPS it never uses plain HTTP. */
    static final String STRICT_TRANSPORT = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // A signed link's token is in its address: it is never sent on to another site.
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT);
        }
        chain.doFilter(request, response);
    }
}
