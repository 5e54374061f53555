package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in form over HTTP, as a browser and as an attacker use it: another site cannot sign a browser in (login
 * CSRF), the session cookie stays on this site, and guessing a password slows the guesser down without locking out
 * the account's owner. The test profile trusts loopback as a proxy, so each "place" is an X-Forwarded-For address.
 */
class SignInOverHttpTests extends PortalTest {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    /** A browser at one place: its cookies, and the sign-in page's CSRF token once it has opened that page. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        final String place;
        String parameter = "_csrf";
        String token = "";

        Browser(String place) {
            this.place = place;
        }

        HttpResponse<String> openSignInPage() throws Exception {
            HttpResponse<String> page = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
            Matcher meta = META.matcher(page.body());
            while (meta.find()) {
                if (meta.group(1).equals("_csrf")) {
                    token = meta.group(2);
                } else {
                    parameter = meta.group(2);
                }
            }
            return page;
        }

        /** Posts the form; answers where the portal sends the browser next ("" when it does not redirect). */
        String signIn(String username, String password, boolean withToken) throws Exception {
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + (withToken ? "&" + parameter + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : "");
            HttpResponse<Void> answer = http.send(request("/login").header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 302 ? answer.headers().firstValue("Location").orElse("") : "status "
                    + answer.statusCode();
        }

        boolean signedIn() throws Exception {
            HttpResponse<Void> home = http.send(request("/coordinator").build(), HttpResponse.BodyHandlers
                    .discarding());
            return home.statusCode() == 200;
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For",
                    place);
        }
    }

    private String newCoordinator() {
        signIn("fudan.admin");
        String username = "h" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Owner", null, "en", Set.of(PortalRole.COORDINATOR),
                "correct-horse-battery"));
        return username;
    }

    private static boolean refused(String location) {
        return !location.startsWith("/") && !location.startsWith("http") || location.contains("error");
    }

    @Test
    void aSignInPostedWithoutTheFormsTokenSignsNobodyIn() throws Exception {
        String username = newCoordinator();
        Browser victim = new Browser("192.0.2.10");
        // Another site's form posts straight to /login with the attacker's credentials: no token, no sign-in.
        String forged = victim.signIn(username, "correct-horse-battery", false);
        assertThat(refused(forged)).as("answered " + forged).isTrue();
        assertThat(victim.signedIn()).isFalse();
        // A token that no longer fits (a stale sign-in page) sends the person back to a fresh one, not to a bare 403.
        victim.token = "stale";
        assertThat(victim.signIn(username, "correct-horse-battery", true)).endsWith("/login?error");
        assertThat(victim.signedIn()).isFalse();

        Browser person = new Browser("192.0.2.11");
        assertThat(person.openSignInPage().body()).as("the page hands the form its token")
                .contains("<meta name=\"_csrf\"");
        String signedIn = person.signIn(username, "correct-horse-battery", true);
        assertThat(refused(signedIn)).as("answered " + signedIn).isFalse();
        assertThat(person.signedIn()).isTrue();
    }

    @Test
    void theSessionCookieStaysOnThisSite() throws Exception {
        HttpResponse<String> page = new Browser("192.0.2.12").openSignInPage();
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax")
                        .containsIgnoringCase("HttpOnly"));
    }

    @Test
    void aGuesserIsSlowedButTheOwnerStillSignsIn() throws Exception {
        String username = newCoordinator();
        Browser guesser = new Browser("203.0.113.40");
        guesser.openSignInPage();
        for (int i = 0; i < Account.MAX_FAILED_SIGN_INS; i++) {
            assertThat(refused(guesser.signIn(username, "guess-" + i, true))).isTrue();
        }
        assertThat(refused(guesser.signIn(username, "correct-horse-battery", true)))
                .as("the guesser has to wait, even with the right password").isTrue();

        Browser owner = new Browser("198.51.100.40");
        owner.openSignInPage();
        String signedIn = owner.signIn(username, "correct-horse-battery", true);
        assertThat(refused(signedIn)).as("the owner, elsewhere, answered " + signedIn).isFalse();
        assertThat(owner.signedIn()).isTrue();
    }

    @Test
    void onePlaceTryingManyAccountsIsTurnedAway() throws Exception {
        String username = newCoordinator();
        Browser sprayer = new Browser("203.0.113.41");
        sprayer.openSignInPage();
        for (int i = 0; i < 40; i++) {
            sprayer.signIn("nobody-" + i + "-" + UUID.randomUUID(), "Winter2026!", true);
        }
        assertThat(refused(sprayer.signIn(username, "correct-horse-battery", true)))
                .as("after trying forty accounts the place waits").isTrue();
        Browser owner = new Browser("198.51.100.41");
        owner.openSignInPage();
        assertThat(refused(owner.signIn(username, "correct-horse-battery", true))).isFalse();
    }
}
