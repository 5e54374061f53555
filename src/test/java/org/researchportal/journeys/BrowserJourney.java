package org.researchportal.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.researchportal.PortalTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A journey through the portal in Debian's Chromium, driven by Playwright, against the whole portal on its test port
 * (the embedded default with the demo tenants). Each journey signs in through the real sign-in page.
 */
abstract class BrowserJourney extends PortalTest {

    static final String CHROMIUM = "/usr/bin/chromium";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create();
        // The flags keep Chromium off the network this machine does not have.
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /**
     * Vaadin's development tools float over the bottom corner in the embedded default; a person can move them, a test
     * hides them so they cover no button.
     */
    static final String HIDE_DEV_TOOLS = "document.addEventListener('DOMContentLoaded', () => {"
            + " const s = document.createElement('style');"
            + " s.textContent = 'vaadin-dev-tools, copilot-main { display: none !important; }';"
            + " document.head.appendChild(s); });";

    @BeforeEach
    void newContext() {
        context = newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        page = context.newPage();
    }

    /** A browser context (a device) of its own, without the development tools in the way. */
    static BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext created = browser.newContext(options);
        created.addInitScript(HIDE_DEV_TOOLS);
        return created;
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** Signs in on the sign-in page as a person would, and waits for their landing page. */
    void signInAs(String username) {
        page.navigate(url("login"));
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(PASSWORD);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.waitForURL(u -> !u.contains("/login"));
        page.locator("vaadin-app-layout, main").first().waitFor();
    }

    /** Waits until Vaadin has no round trip to the server under way (what a click started has been drawn). */
    void settle() {
        settle(page);
    }

    static void settle(Page on) {
        on.waitForFunction("() => window.Vaadin && Vaadin.Flow && Vaadin.Flow.clients"
                + " && Object.values(Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /** Opens a page of the portal and waits until Vaadin has drawn it. */
    void open(String path) {
        page.navigate(url(path));
        page.locator(".portal-view").first().waitFor();
    }
}
