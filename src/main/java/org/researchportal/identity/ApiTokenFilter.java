package org.researchportal.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.researchportal.base.security.GuessingLimit;
import org.researchportal.base.security.PortalUser;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Authenticates REST API calls by {@code Authorization: Bearer <token>}. The caller becomes the token's owner holding
 * only the token's role in the token's tenant, so the services' own role checks and blinding apply as in the portal.
 * A missing, unknown or revoked token, a deactivated owner, a role the owner no longer holds or an inactive tenant
 * answers 401 with nothing else said. After {@link #FAILURES_PER_MINUTE} such answers in a minute an address gets
 * 429 until the minute is over, so tokens cannot be guessed.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    static final int FAILURES_PER_MINUTE = 10;

    private final TokenOwners owners;
    private final GuessingLimit failures;
    private final Supplier<HandlerMapping> endpoints;

    ApiTokenFilter(TokenOwners owners, GuessingLimit failures,
            Supplier<HandlerMapping> endpoints) {
        this.owners = owners;
        this.failures = failures;
        this.endpoints = endpoints;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isEndpoint(request)) {
            // No such API path, with a token or without: a JSON 404. Otherwise it would fall through to Vaadin, which
            // answers every path it does not know with its bootstrap page. Says nothing about tokens, counts no guess.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"not_found\"}");
            return;
        }
        String address = request.getRemoteAddr();
        if (failures.exhausted(address)) {
            // Too many wrong tokens from this address this minute: not even looked up until the minute is over.
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            return;
        }
        Optional<PortalUser> caller = caller(request.getHeader("Authorization"));
        if (caller.isEmpty()) {
            failures.failed(address);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"invalid_token\"}");
            return;
        }
        TokenOwners.continueAs(caller.get(), null, request, response, chain);
    }

    /** Whether a controller answers this path (a wrong method or media type is still its to answer). */
    private boolean isEndpoint(HttpServletRequest request) {
        Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return endpoints.get().getHandler(request) != null;
        } catch (Exception partlyMatched) {
            return true;
        } finally {
            if (parsed == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
            }
        }
    }

    private Optional<PortalUser> caller(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.empty();
        }
        String token = header.substring("Bearer ".length()).trim();
        if (!token.startsWith(ApiTokenService.PREFIX)) {
            return Optional.empty();
        }
        // A REDCap token answers for one study only, so it is no bearer token for the whole tenant's API.
        return owners.owner(token).filter(o -> o.token().getStudyId() == null).map(TokenOwners.Owner::user);
    }

    /** Paths this filter guards. */
    static final List<String> PATHS = List.of("/api/**");
}
