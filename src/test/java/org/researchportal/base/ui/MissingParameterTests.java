package org.researchportal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A route that needs an id, opened without one (a shortened link, a typed address): the portal's own page, never the
 * servlet container's "Whitelabel Error Page" with a 403.
 */
class MissingParameterTests extends PortalTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesWithARequiredIdLandOnThePortalsOwnPageWithoutIt() throws Exception {
        HttpClient clinician = signedInClient("fudan.clinician");
        for (String path : new String[] {"/participants", "/programme", "/progress"}) {
            HttpResponse<String> page = get(clinician, path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("Whitelabel");
        }
        HttpClient coordinator = signedInClient("fudan.coordinator");
        for (String path : new String[] {"/call", "/messages/participant"}) {
            HttpResponse<String> page = get(coordinator, path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("Whitelabel");
        }
        HttpResponse<String> assess = get(signedInClient("fudan.assessor"), "/assess");
        assertThat(assess.statusCode()).isEqualTo(200);
        assertThat(assess.body()).doesNotContain("Whitelabel");
    }
}
