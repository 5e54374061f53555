package org.researchportal.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request as the portal should see it, before anything reads it (Spring Security, the guessing limits, Vaadin).
 * <ul>
 * <li>The client's address: the socket's peer, or, when that peer is one of the proxies the installation names in
 * {@code portal.network.trusted-proxies} ({@code PORTAL_TRUSTED_PROXIES}, addresses or CIDR ranges), the right-most
 * address in {@code X-Forwarded-For} that none of them wrote. Everything left of that the client may have made up,
 * so it never counts: rotating it does not lift a limit, naming someone else's address does not lock them out.
 * Without the setting {@code X-Forwarded-For} is ignored.</li>
 * <li>The scheme, host and port (so every absolute redirect, Spring Security's and OpenID Connect's {@code {baseUrl}}
 * included): those of {@link PublicAddress}, never the {@code Host} or {@code X-Forwarded-Host} header, which the
 * sender chooses. Behind TLS, a {@code https} {@code PORTAL_BASE_URL} makes the request secure (HSTS).</li>
 * </ul>
 * This replaces Boot's {@code server.forward-headers-strategy}, which takes the left-most forwarded address from anyone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProxiedRequests extends OncePerRequestFilter {

    /** An IP literal, so that matching never resolves a host name a client wrote. */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trustedProxies;
    private final PublicAddress publicAddress;

    @Autowired
    ProxiedRequests(BaseProperties settings, PublicAddress publicAddress) {
        this(settings.network().trustedProxies(), publicAddress);
    }

    ProxiedRequests(String trustedProxies, PublicAddress publicAddress) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
        this.publicAddress = publicAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        URI origin = origin(request);
        Proxied proxied = new Proxied(request, clientAddress(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For"))), origin);
        chain.doFilter(proxied, new Redirects(response, proxied));
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The client: the right-most forwarded address no trusted proxy wrote, when the peer is a trusted proxy. */
    String clientAddress(String peer, List<String> forwardedFor) {
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> Arrays.stream(header.split(",")).map(String::strip)
                .filter(hop -> !hop.isEmpty()).forEach(hops::add));
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!trusted(client)) {
                return client;
            }
        }
        // Every hop is a trusted proxy (a person inside the proxies' own network): the left-most one is the client.
        return client;
    }

    private boolean trusted(String address) {
        if (trustedProxies.isEmpty() || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    /** Where the request is answered from: the configured public address, or this machine's own port. */
    private URI origin(HttpServletRequest request) {
        return publicAddress.configured().map(URI::create).orElseGet(() -> URI.create(request.getScheme()
                + "://localhost:" + request.getLocalPort()));
    }

    /**
     * A relative redirect made absolute from the public address. The server would otherwise complete it with the
     * request's {@code Host} header.
     */
    private static final class Redirects extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        Redirects(HttpServletResponse response, HttpServletRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(absolute(location));
        }

        @Override
        public void sendRedirect(String location, boolean clearBuffer) throws IOException {
            super.sendRedirect(absolute(location), clearBuffer);
        }

        @Override
        public void sendRedirect(String location, int status) throws IOException {
            super.sendRedirect(absolute(location), status);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            super.sendRedirect(absolute(location), status, clearBuffer);
        }

        private String absolute(String location) {
            try {
                if (URI.create(location).isAbsolute()) {
                    return location;
                }
                return URI.create(request.getRequestURL().toString()).resolve(location).toString();
            } catch (IllegalArgumentException unparsable) {
                return location;
            }
        }
    }

    private static final class Proxied extends HttpServletRequestWrapper {

        private final String client;
        private final URI origin;

        Proxied(HttpServletRequest request, String client, URI origin) {
            super(request);
            this.client = client;
            this.origin = origin;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            // Never a reverse lookup: the address is all the portal keeps.
            return client;
        }

        @Override
        public String getScheme() {
            return origin.getScheme();
        }

        @Override
        public boolean isSecure() {
            return "https".equals(origin.getScheme()) || super.isSecure();
        }

        @Override
        public String getServerName() {
            return origin.getHost();
        }

        @Override
        public int getServerPort() {
            return origin.getPort() != -1 ? origin.getPort() : "https".equals(origin.getScheme()) ? 443 : 80;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(origin.getScheme()).append("://").append(origin.getHost());
            if (origin.getPort() != -1) {
                url.append(':').append(origin.getPort());
            }
            return url.append(getRequestURI());
        }
    }
}
