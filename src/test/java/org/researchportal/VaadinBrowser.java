package org.researchportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser: it signs in through the form and speaks Vaadin's own protocol over HTTP, as the client
 * in a browser does. The bootstrap request builds the UI; each navigation is a UIDL request carrying the UI's CSRF
 * token, the last sync id the server sent and the next client id, so the server builds the route's view. Its cookies
 * keep the session, so it belongs to the one portal instance it signed in to.
 */
public final class VaadinBrowser {

    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CSRF_PARAMETER = Pattern.compile(
            "<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;
    private String csrfToken = "";
    private int uiId;
    private int syncId;
    private int clientId;

    private VaadinBrowser(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Signs in through the sign-in form of the portal at base (http://host:port), as a person would. */
    public static VaadinBrowser signIn(URI base, String username, String password) throws Exception {
        VaadinBrowser browser = new VaadinBrowser(base, new CookieManager());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + signInToken(browser.http, base);
        HttpResponse<Void> signIn = browser.http.send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.statusCode()).as(username).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).as(username).doesNotContain("error");
        return browser;
    }

    /**
     * Opens the sign-in page in the client's session and answers its CSRF token as a form field
     * ({@code _csrf=...}), read from the page's meta tags as Vaadin's login form reads it.
     */
    public static String signInToken(HttpClient http, URI base) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher parameter = CSRF_PARAMETER.matcher(page.body());
        Matcher token = CSRF_TOKEN.matcher(page.body());
        assertThat(parameter.find() && token.find()).as("the sign-in page's CSRF token").isTrue();
        return URLEncoder.encode(parameter.group(1), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    /** Another browser at another portal instance, carrying a copy of this one's cookies there. */
    public VaadinBrowser elsewhere(URI otherBase) {
        CookieManager copy = new CookieManager();
        cookies.getCookieStore().getCookies().forEach(cookie -> copy.getCookieStore().add(otherBase,
                (HttpCookie) cookie.clone()));
        return new VaadinBrowser(otherBase, copy);
    }

    /** The HTTP client, with this browser's session cookie. */
    public HttpClient http() {
        return http;
    }

    /** Opens the portal at a route: the bootstrap request, then the router's navigation. Answers the UI's changes. */
    public String open(String route) throws Exception {
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(base.resolve("/?v-r=init&location=" + route
                + "&query=&v-wn=bench&v-ww=1280&v-wh=900&v-sw=1280&v-sh=900&v-tzo=0&v-rtzo=0&v-dstd=0&v-dston=false"
                + "&v-tzid=UTC&v-curdate=0&v-td=false&v-pr=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        Matcher key = SECURITY_KEY.matcher(init.body());
        assertThat(key.find()).as("the UI's CSRF token in " + init.body()).isTrue();
        csrfToken = key.group(1);
        Matcher ui = UI_ID.matcher(init.body());
        uiId = ui.find() ? Integer.parseInt(ui.group(1)) : 0;
        syncId = 0;
        clientId = 0;
        return navigate(route);
    }

    /** Navigates the open UI to another route, as a click on a menu link does. Answers the UI's changes. */
    public String navigate(String route) throws Exception {
        return uidl("""
                [{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s","query":"","appShellTitle":"",\
                "historyState":{"idx":%d},"trigger":""}}]""".formatted(route, clientId));
    }

    /** One round trip: the given RPC calls in a UIDL request. Answers the response body. */
    public String uidl(String rpc) throws Exception {
        String message = "{\"csrfToken\":\"%s\",\"rpc\":%s,\"syncId\":%d,\"clientId\":%d}"
                .formatted(csrfToken, rpc, syncId, clientId);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher sync = SYNC_ID.matcher(response.body());
        assertThat(sync.find()).as("a UIDL answer, not " + response.body()).isTrue();
        assertThat(response.body()).as("an answer without an application error").doesNotContain("\"appError\"");
        syncId = Integer.parseInt(sync.group(1));
        clientId++;
        return response.body();
    }
}
