package org.researchportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

/** Which address is the client's, which host a request is answered from, and when the session cookie is Secure. */
class ProxiedRequestsTests {

    private static ProxiedRequests trusting(String proxies) {
        return new ProxiedRequests(proxies, new PublicAddress(""));
    }

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(trusting("").clientAddress("10.0.0.5", List.of("198.51.100.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void theRightMostAddressNoTrustedProxyWroteIsTheClient() {
        ProxiedRequests proxies = trusting("10.0.0.5, 10.1.0.0/16, ::1");
        assertThat(proxies.clientAddress("10.0.0.5", List.of("198.51.100.1, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // Two proxies in a row, the header sent twice: still the address the first trusted proxy saw.
        assertThat(proxies.clientAddress("10.0.0.5", List.of("6.6.6.6, 203.0.113.9", "10.1.4.4")))
                .isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("0:0:0:0:0:0:0:1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
        // Someone not a proxy sending the header is the client themselves.
        assertThat(proxies.clientAddress("203.0.113.50", List.of("10.0.0.5"))).isEqualTo("203.0.113.50");
        // A trusted proxy sending no forwarded header (its own health check): the proxy is the client.
        assertThat(proxies.clientAddress("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
        // A host name is never looked up, never trusted.
        assertThat(proxies.clientAddress("10.0.0.5", List.of("proxy.internal"))).isEqualTo("proxy.internal");
    }

    @Test
    void theRequestIsAnsweredFromThePublicAddressNotItsHostHeader() throws Exception {
        var filter = new ProxiedRequests("", new PublicAddress("https://portal.example.org/"));
        var request = new MockHttpServletRequest("GET", "/coordinator");
        request.setServerName("evil.example");
        request.addHeader("Host", "evil.example");
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            seen.set((HttpServletRequest) req);
            ((HttpServletResponse) res).sendRedirect("/login");
        });
        assertThat(seen.get().getRequestURL().toString()).isEqualTo("https://portal.example.org/coordinator");
        assertThat(seen.get().isSecure()).isTrue();
        assertThat(seen.get().getServerPort()).isEqualTo(443);
        assertThat(response.getRedirectedUrl()).isEqualTo("https://portal.example.org/login");
    }

    @Test
    void theSessionCookieIsSecureWhenPeopleComeOverTls() {
        var https = new MockServletContext();
        new SecureSessionCookie(new PublicAddress("https://portal.example.org")).onStartup(https);
        assertThat(https.getSessionCookieConfig().isSecure()).isTrue();
        var http = new MockServletContext();
        new SecureSessionCookie(new PublicAddress("")).onStartup(http);
        assertThat(http.getSessionCookieConfig().isSecure()).isFalse();
    }
}
