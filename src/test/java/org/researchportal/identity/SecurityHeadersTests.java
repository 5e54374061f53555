package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The portal's pages tell the browser what it may do: no framing, no foreign scripts, no referrer to other sites. */
class SecurityHeadersTests extends PortalTest {

    @LocalServerPort
    int port;

    @Test
    void thePortalsPagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        var headers = login.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'")
                .doesNotContain("*"));
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p)
                .contains("camera=()", "microphone=()", "geolocation=()"));
        assertThat(headers.firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .containsIgnoringCase("HttpOnly"));
    }

    @Test
    void signingInGivesANewSessionSoAPlantedOneIsUseless() throws Exception {
        var cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String token = org.researchportal.VaadinBrowser.signInToken(browser, URI.create("http://localhost:" + port));
        String before = session(cookies);
        assertThat(before).isNotBlank();
        HttpResponse<Void> signIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers
                        .ofString("username=fudan.clinician&password=" + PASSWORD + "&" + token))
                .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(session(cookies)).isNotBlank().isNotEqualTo(before);
    }

    @Test
    void errorPagesShowNoServerDetailsOrStackTraces() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        // Refused by the server before the portal sees it: a malformed path, an oversized form.
        HttpResponse<String> malformed = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/media/a%2F..%2Fb")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> oversized = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/login")).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers
                        .ofString("username=" + "x".repeat(3_000_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        // Refused by the portal: an API call it cannot parse.
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/studies/%00/export.csv")).build(), HttpResponse.BodyHandlers.ofString());
        for (HttpResponse<String> refused : java.util.List.of(malformed, oversized, api)) {
            assertThat(refused.statusCode()).as(refused.uri().toString()).isBetween(400, 499);
            assertThat(refused.body()).as(refused.uri().toString()).doesNotContain("Tomcat", "Exception",
                    "\tat ", "org.researchportal", "org.springframework");
        }
    }

    private static String session(java.net.CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }
}
