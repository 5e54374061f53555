package org.researchportal.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.researchportal.base.security.GuessingLimit;
import org.researchportal.base.security.PortalUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls to REDCap's API shape by the {@code token} form parameter, as REDCap does. A good token makes
 * the caller its person with only its role in its tenant, its study in the authentication's details
 * ({@link StudyTokenScope}); anything else leaves the call unauthenticated for the API to refuse in REDCap's words
 * and format, and counts against the same per-address limit as wrong bearer tokens.
 */
final class RedcapTokenFilter extends OncePerRequestFilter {

    /** The paths of REDCap's API shape: its clients want the path to end in {@code /api/}. */
    static final String[] PATHS = {"/redcap/api", "/redcap/api/"};
    /** The largest form the servlet container reads (Tomcat's default maximum form size). */
    static final long MAX_BYTES = 2_000_000;

    private final TokenOwners owners;
    private final GuessingLimit failures;

    RedcapTokenFilter(TokenOwners owners, GuessingLimit failures) {
        this.owners = owners;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (failures.exhausted(address)) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("ERROR: Too many wrong tokens from this address: try again in a minute");
            return;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            // Beyond this the servlet container would drop the form's parameters, the token among them.
            response.setStatus(413);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("ERROR: The request is larger than " + MAX_BYTES / 1_000_000 + " MB");
            return;
        }
        Optional<Caller> caller = "POST".equals(request.getMethod()) ? caller(request.getParameter("token"))
                : Optional.empty();
        if (caller.isEmpty()) {
            failures.failed(address);
            chain.doFilter(request, response);
            return;
        }
        TokenOwners.continueAs(caller.get().user(), caller.get().scope(), request, response, chain);
    }

    private record Caller(PortalUser user, StudyTokenScope scope) {}

    private Optional<Caller> caller(String given) {
        if (given == null) {
            return Optional.empty();
        }
        // REDCapR allows one trailing line break and either case of the hexadecimal digits.
        String token = given.strip().toUpperCase(Locale.ROOT);
        if (!ApiTokenService.REDCAP_TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return owners.owner(token).filter(o -> o.token().getStudyId() != null).map(o -> new Caller(o.user(),
                new StudyTokenScope(o.token().requireId(), java.util.Objects.requireNonNull(o.token().getStudyId()))));
    }
}
