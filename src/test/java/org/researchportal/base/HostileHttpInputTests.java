package org.researchportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.messaging.MessagingSettingsService;
import org.researchportal.messaging.TwilioSignatures;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Property: hostile input at every door outside Vaadin (Twilio's webhooks, correctly signed or not; the export API
 * and FHIR with a good token; signed links; the sign-in form) gets a plain refusal or its answer, never a server error, and no
 * answer shows a stack trace or an exception's name. The seed is printed; {@code -Dhostile.seed=...} replays a run.
 */
class HostileHttpInputTests extends PortalTest {

    private static final int TRIALS = 40;

    @LocalServerPort
    int port;
    @Autowired
    TenantService tenants;
    @Autowired
    MessagingSettingsService settings;

    // Keeps the session the sign-in form's CSRF token belongs to.
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    /** Hostile sign-ins come from a place of their own, so their failures slow no other test's sign-in. */
    private final String place = "192.0.2." + (1 + new java.util.Random().nextInt(250));

    @Test
    void hostileRequestsGetARefusalOrAnAnswerNeverAServerError() throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        var hostile = new HostileValues(seed);
        String tenant = "h" + UUID.randomUUID().toString().substring(0, 8);
        String account = "AC" + UUID.randomUUID().toString().replace("-", "");
        String authToken = UUID.randomUUID().toString().replace("-", "");
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Hostile " + tenant, "UTC"));
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> settings.save(account, authToken, null,
                "+15005550006", null));
        String apiToken = demoToken("fudan");

        Map<String, Integer> answers = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            String text = hostile.text();
            String shortText = text.length() > 2000 ? text.substring(0, 2000) : text;
            Map<String, String> inbound = new LinkedHashMap<>();
            inbound.put("AccountSid", hostile.below(4) == 0 ? shortText : account);
            inbound.put("From", shortText);
            inbound.put("Body", hostile.text());
            check("inbound", post("/webhooks/twilio/inbound", inbound, hostile.aBoolean() ? authToken : shortText),
                    answers, failures, 200, 400, 403, 413);
            Map<String, String> status = new LinkedHashMap<>();
            status.put("AccountSid", account);
            status.put("MessageSid", shortText);
            status.put("MessageStatus", hostile.text());
            status.put("ErrorCode", shortText);
            check("status", post("/webhooks/twilio/status", status, authToken), answers, failures, 204, 400, 403, 413);

            String segment = URLEncoder.encode(shortText, StandardCharsets.UTF_8).replace("+", "%20");
            check("export", get("/api/v1/studies/" + segment + "/export.csv", apiToken), answers, failures, 400,
                    404);
            String value = URLEncoder.encode(shortText, StandardCharsets.UTF_8);
            check("fhir read", get("/api/fhir/ResearchSubject/" + segment, apiToken), answers, failures, 400, 404);
            check("fhir read", get("/api/fhir/Questionnaire/" + segment, apiToken), answers, failures, 400, 404);
            check("fhir search", get("/api/fhir/QuestionnaireResponse?subject=" + value + "&questionnaire=" + value,
                    apiToken), answers, failures, 200, 400);
            check("fhir search", get("/api/fhir/ResearchSubject?" + value + "=" + value, apiToken), answers,
                    failures, 400);
            check("fhir search", get("/api/fhir/Questionnaire?name=" + value + "&url=" + value, apiToken),
                    answers, failures, 200, 400);
            // "/l/" alone is no link: the portal's not-found page.
            check("link", get("/l/" + segment, null), answers, failures, segment.isEmpty() ? 200 : 302, 400, 404,
                    429);
            check("media", get("/media/videos/" + segment, null), answers, failures, 302, 400, 401, 404);
            check("sign-in", form("/login", Map.of("username", shortText, "password", hostile.text())), answers,
                    failures, 302, 400, 413);
        }
        System.out.printf("Hostile HTTP input (seed %d): answers %s%n", seed, answers);
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    private static void check(String door, HttpResponse<String> response, Map<String, Integer> answers,
            List<String> failures, int... allowed) {
        answers.merge(door + " " + response.statusCode(), 1, Integer::sum);
        if (java.util.Arrays.stream(allowed).noneMatch(s -> s == response.statusCode())) {
            failures.add(door + " " + abbreviate(response.uri().toString()) + " answered " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse("") + ": " + abbreviate(response.body()));
        }
        if (response.body().contains("Exception") || response.body().contains("\tat ")
                || response.body().contains("org.researchportal.")) {
            failures.add(door + " showed internals: " + abbreviate(response.body()));
        }
        if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").contains("error")
                && !door.equals("sign-in")) {
            failures.add(door + " went to an error page");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
        String token = org.researchportal.VaadinBrowser.signInToken(http, URI.create("http://localhost:" + port));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", place)
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSignatures.form(fields) + "&" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> params, String signingToken)
            throws Exception {
        String url = "http://localhost:" + port + path;
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignatures.sign(signingToken, url, params))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSignatures.form(params))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
