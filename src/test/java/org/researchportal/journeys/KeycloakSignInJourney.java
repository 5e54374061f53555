package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalApplication;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through a real Keycloak (its distribution from Maven Central, started once for this suite on loopback with
 * the realm in {@code config/keycloak/}), with the portal in OpenID Connect mode: each role signs in on Keycloak's own
 * login page and lands on its dashboard with the tenant and roles of the token; a user of one tenant sees only that
 * tenant; signing out ends both sessions; a user without a portal role is told so politely. Keycloak is stopped at the
 * end, also when a test fails. Runs in a JVM of its own (its own failsafe execution): its portal is not the demo's.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"portal.auth.mode=oidc", "portal.demo.enabled=false",
                "spring.security.oauth2.client.registration.keycloak.client-id=research-portal",
                "spring.security.oauth2.client.registration.keycloak.client-secret=change-me-portal-client-secret",
                "spring.security.oauth2.client.registration.keycloak.scope=openid,profile,email",
                "spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
                "spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                "spring.security.oauth2.client.provider.keycloak.user-name-attribute=preferred_username"})
@ActiveProfiles("test")
class KeycloakSignInJourney {

    private static final String PASSWORD = "ChangeMe-123!";
    private static final int PORTAL_PORT = freePort();
    private static final int KEYCLOAK_PORT = freePort();
    private static final int KEYCLOAK_MANAGEMENT_PORT = freePort();
    private static Process keycloak;
    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    ParticipantService participants;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void portalAndIssuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORTAL_PORT);
        registry.add("spring.security.oauth2.client.provider.keycloak.issuer-uri",
                () -> "http://localhost:" + KEYCLOAK_PORT + "/realms/research-portal");
        registry.add("portal.base-url", () -> "http://localhost:" + PORTAL_PORT);
    }

    /** Starts Keycloak with the realm, its redirect addresses pointed at this suite's portal port. */
    @BeforeAll
    static void startKeycloak() throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run with -Pbrowser");
        }
        // A fresh store each run, so the realm is imported again with this run's portal port.
        deleteTree(home.resolve("data/h2"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        String realm = Files.readString(Path.of("config/keycloak/research-portal-realm.json"), StandardCharsets.UTF_8)
                .replace("localhost:8080", "localhost:" + PORTAL_PORT)
                .replace("127.0.0.1:8080", "127.0.0.1:" + PORTAL_PORT);
        Files.writeString(imports.resolve("research-portal-realm.json"), realm, StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home")).toString();
        run(home, java, List.of("bin/kc.sh", "build", "--db=dev-file", "--health-enabled=true"), Duration.ofMinutes(5));
        ProcessBuilder start = new ProcessBuilder("bin/kc.sh", "start", "--optimized", "--http-enabled=true",
                "--http-host=127.0.0.1", "--http-port=" + KEYCLOAK_PORT, "--http-management-port="
                        + KEYCLOAK_MANAGEMENT_PORT, "--hostname=http://localhost:" + KEYCLOAK_PORT, "--import-realm")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "keycloak.log").toFile());
        start.environment().put("JAVA_HOME", java);
        start.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        start.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-" + KEYCLOAK_PORT);
        keycloak = start.start();
        // Stopped however the suite ends, even if the JVM is torn down without @AfterAll.
        Runtime.getRuntime().addShutdownHook(new Thread(KeycloakSignInJourney::stopKeycloak));
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (true) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; see target/keycloak.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + KEYCLOAK_MANAGEMENT_PORT
                        + "/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("Keycloak was not ready in 4 minutes; see target/keycloak.log");
            }
            Thread.sleep(1000);
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(
                BrowserJourney.CHROMIUM)).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void run(Path home, String java, List<String> command, Duration limit) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "keycloak-build.log").toFile());
        builder.environment().put("JAVA_HOME", java);
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see target/keycloak-build.log");
        }
    }

    @AfterAll
    static void stopKeycloak() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
        if (keycloak != null && keycloak.isAlive()) {
            keycloak.destroy();
            try {
                if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                    keycloak.destroyForcibly();
                }
            } catch (InterruptedException e) {
                keycloak.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Two institutions, each with a study and a participant whose name says which institution it is. */
    private void twoInstitutions() {
        for (String tenant : List.of("fudan", "lakeside")) {
            SystemActor.runAs("test", null, Set.of(PortalRole.PLATFORM_ADMIN), () -> {
                if (tenants.tenants().stream().noneMatch(t -> t.id().equals(tenant))) {
                    tenants.create(tenant, tenant.equals("fudan") ? "Fudan University" : "Lakeside", "Asia/Shanghai");
                }
            });
            SystemActor.runAs("test", tenant, EnumSet.of(PortalRole.TENANT_ADMIN, PortalRole.CLINICIAN), () -> {
                if (!studies.studies().isEmpty()) {
                    return;
                }
                String study = studies.create(new StudyRecord(tenant.toUpperCase(java.util.Locale.ROOT), "Study of "
                        + tenant, null, List.of(new Arm("A", "Programme", ArmKind.INTERVENTION, "Programme"),
                                new Arm("B", "Guidance", ArmKind.CONTROL, "Guidance")), 10, null, null, null)).id();
                participants.importRecord(new ParticipantImport(study, "S-1", null, "Person of " + tenant,
                        ParticipantStatus.SCREENED, null, LocalDate.now().minusDays(2), null, null, null, null, "en",
                        "Asia/Shanghai", null, null, null, null));
            });
        }
    }

    private Page signIn(BrowserContext device, String username) {
        Page page = device.newPage();
        page.navigate("http://localhost:" + PORTAL_PORT + "/");
        // Keycloak's own login page, not the portal's.
        page.waitForURL(Pattern.compile("http://localhost:" + KEYCLOAK_PORT + "/realms/research-portal/.*"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile("http://localhost:" + PORTAL_PORT + "/.*"));
        page.locator("vaadin-app-layout, .portal-view").first().waitFor();
        return page;
    }

    private BrowserContext device() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)
                .setLocale("en-GB"));
        context.addInitScript(BrowserJourney.HIDE_DEV_TOOLS);
        return context;
    }

    @Test
    void eachRoleSignsInOnKeycloakAndLandsOnItsOwnDashboardWithinItsTenant() {
        twoInstitutions();
        String[][] landings = {{"fudan.clinician", "clinician"}, {"fudan.assessor", "assessments"},
                {"fudan.therapist", "therapist"}, {"fudan.coordinator", "coordinator"}, {"fudan.admin", "admin/users"},
                {"lakeside.clinician", "clinician"}, {"platform.admin", "platform/tenants"}};
        for (String[] landing : landings) {
            try (BrowserContext device = device()) {
                Page page = signIn(device, landing[0]);
                // Playwright hands the pattern to the browser as a JavaScript expression: plain escapes only.
                assertThat(page).hasURL(Pattern.compile(".*/" + landing[1].replace("/", "\\/") + "(\\?.*)?$"));
            }
        }
        try (BrowserContext device = device()) {
            Page page = signIn(device, "fudan.clinician");
            assertThat(page.getByText("Study of fudan").first()).isVisible();
            assertThat(cells(page, "Person of fudan")).not().hasCount(0);
            assertThat(cells(page, "Person of lakeside")).hasCount(0);
        }
        try (BrowserContext device = device()) {
            Page page = signIn(device, "lakeside.clinician");
            assertThat(cells(page, "Person of lakeside")).not().hasCount(0);
            assertThat(cells(page, "Person of fudan")).hasCount(0);
        }
    }

    private static Locator cells(Page page, String text) {
        return page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text));
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        twoInstitutions();
        try (BrowserContext device = device()) {
            Page page = signIn(device, "fudan.coordinator");
            page.locator(".main-layout__user").click();
            page.getByRole(com.microsoft.playwright.options.AriaRole.MENUITEM, new Page.GetByRoleOptions()
                    .setName("Sign out")).click();
            // Keycloak ends its session and sends the browser back to the portal, which, signed out, sends it on to
            // Keycloak's login form: were either session still alive, the form would not be shown.
            page.waitForURL(Pattern.compile("http://localhost:" + KEYCLOAK_PORT + "/realms/research-portal/.*"));
            assertThat(page.locator("#username")).isVisible();
            try (BrowserContext other = device()) {
                Page later = other.newPage();
                later.navigate("http://localhost:" + PORTAL_PORT + "/coordinator");
                later.waitForURL(Pattern.compile("http://localhost:" + KEYCLOAK_PORT + "/realms/research-portal/.*"));
            }
        }
    }

    @Test
    void someoneWithoutAPortalRoleIsToldPolitely() {
        twoInstitutions();
        try (BrowserContext device = device()) {
            Page page = signIn(device, "no.role");
            assertThat(page.getByText("No role yet").first()).isVisible();
        }
    }
}
