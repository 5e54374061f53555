package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.File;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalApplication;

/**
 * A trial team that starts from nothing, through the screens alone: a fresh portal on the embedded default with the
 * demo switched off, in a JVM of its own on a data folder of its own, as a hospital would start it. Its first platform
 * administrator comes from {@code PORTAL_BOOTSTRAP_PLATFORM_ADMIN} (the set-password link is read from its log, as
 * the README says); from there every step is a person in Chromium: the platform administrator creates the
 * institution and its first administrator, who sets the study up and makes the team's accounts; the team then runs
 * the trial. The portal's log is read at the end: an exception in it fails the journey.
 */
class EmptyInstallationJourney {

    static final String PASSWORD = "journey-password-1";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private static Process portal;
    private static Path log;
    private static URI address;
    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startAnEmptyPortal() throws Exception {
        int port = freePort();
        Path data = Files.createTempDirectory("empty-installation");
        log = Path.of("target", "empty-installation-" + port + ".log");
        String classPath = String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).filter(entry -> !entry.contains("surefire")).toList());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-cp", classPath, PortalApplication.class.getName(),
                "--server.port=" + port, "--portal.messaging.dispatch.every=PT1S"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORTAL_DEMO_ENABLED", "false");
        builder.environment().put("PORTAL_BOOTSTRAP_PLATFORM_ADMIN", "first.admin");
        builder.environment().put("PORTAL_DATA_DIR", data.toString());
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        portal = builder.start();
        address = URI.create("http://localhost:" + port);
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(START_LIMIT);
        while (true) {
            if (!portal.isAlive()) {
                throw new IllegalStateException("The empty portal stopped; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(address.resolve("/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("The empty portal did not start in " + START_LIMIT + "; see " + log);
            }
            Thread.sleep(500);
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(
                BrowserJourney.CHROMIUM)).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stopThePortal() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (portal != null && portal.isAlive()) {
            portal.destroy();
            if (!portal.waitFor(30, TimeUnit.SECONDS)) {
                portal.destroyForcibly();
            }
        }
    }

    @Test
    void aTeamRunsTheTrialFromAnEmptyInstallation() throws Exception {
        try {
            walk();
        } catch (Throwable failure) {
            if (page != null) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "empty-installation.png"))
                        .setFullPage(true));
            }
            throw failure;
        }
    }

    private void walk() throws Exception {
        // The installation's first platform administrator sets a password on the link its log printed.
        String firstLink = awaitInLog(Pattern.compile("(http://\\S+/set-password/\\S+)"));
        device();
        setPassword(firstLink, "first.admin");

        // The platform administrator creates the institution and its first administrator.
        signInAs("first.admin");
        open("platform/tenants");
        field("Code").fill("riverside");
        field("Name").first().fill("Riverside Hospital");
        field("Name in Chinese").first().fill("河畔医院");
        field("Administrator's username").fill("riverside.admin");
        field("Administrator's name").fill("Rita Admin");
        field("Administrator's email").fill("rita@riverside.example");
        button("Create").click();
        settle();
        assertThat(page.getByText("Hand this link to riverside.admin")).isVisible();
        String adminLink = page.getByLabel("Set-password link").inputValue();
        assertThat(page.locator("vaadin-grid")).containsText("Riverside Hospital");
        signOut();

        // The tenant administrator sets their own password and makes the team's accounts.
        setPassword(adminLink, "riverside.admin");
        signInAs("riverside.admin");
        for (String[] person : List.of(new String[] {"riverside.clinician", "Dr Chen Clinician", "Clinician"},
                new String[] {"riverside.assessor", "Ann Assessor", "Assessor"},
                new String[] {"riverside.therapist", "Theo Therapist", "Therapist"},
                new String[] {"riverside.coordinator", "Cora Coordinator", "Coordinator"})) {
            newAccount(person[0], person[1], person[2]);
        }

        assertThat(page.locator("vaadin-grid")).containsText("riverside.coordinator");
        setUpTheStudy();
        planTheCalls();
        signOut();

        // The clinician screens, judges, consents and randomises, then gives the participant their care team and
        // invites them to their phone account.
        signInAs("riverside.clinician");
        String record = enrolACandidate();
        signOut();

        // The invitation SMS: the developer outbox shows it with its link masked; the captured text, as the phone
        // would receive it, is in the server's log.
        signInAs("riverside.admin");
        open("messages");
        Locator invitation = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Mei River")).filter(new Locator.FilterOptions().setHasText("/set-password/•••")).first();
        invitation.waitFor();
        signOut();
        String link = awaitInLog(Pattern.compile(
                "(?s)SMS captured.{0,400}?Mei River.{0,400}?(https?://\\S+/set-password/[A-Za-z0-9_-]+)"));

        // The participant chooses her password on her phone and finds her own study.
        phone();
        setPassword(link, "riverside.river-001");
        signInAs("riverside.river-001");
        open("my-study");
        assertThat(page.getByText("Welcome, Mei River")).isVisible();
        assertThat(page.getByText(Pattern.compile("Your group: (Exercise|Control)"))).isVisible();
        serverLogHasNoException();
    }

    /** The tenant administrator's follow-up plans: the default schedule, an opening and a question per arm. */
    private void planTheCalls() {
        open("admin/follow-up");
        for (int arm = 0; arm < 2; arm++) {
            field("Opening of the call (English)").nth(arm).fill("Hello, this is the RIVER study team.");
            field("Opening of the call (Chinese)").nth(arm).fill("您好，这里是 RIVER 研究团队。");
            page.getByLabel("Joint pain", new Page.GetByLabelOptions().setExact(false)).nth(arm).check();
        }
        button("Save the plan for Exercise").click();
        assertThat(page.getByText("The plan for Exercise is saved.")).isVisible();
        button("Save the plan for Control").click();
        assertThat(page.getByText("The plan for Control is saved.")).isVisible();
    }

    /** Screening to randomisation, the care team and the invitation; answers the record's path. */
    private String enrolACandidate() {
        open("screening");
        button("New candidate").click();
        field("Name").first().fill("Mei River");
        field("Phone").first().fill("+86 139 0000 0042");
        button("Add to the screening log").click();
        page.waitForURL(Pattern.compile(".*/participants/[0-9a-f]+$"));
        String record = page.url().replaceFirst("^https?://[^/]+/", "");

        Locator pain = field("BPI worst pain in the last 24 hours (0-10)");
        pain.fill("6");
        pain.press("Tab");
        settle();
        page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName(
                "Hormone receptor-positive breast cancer on an aromatase inhibitor")).getByRole(AriaRole.RADIO,
                        new Locator.GetByRoleOptions().setName("Yes").setExact(true)).check();
        settle();
        button("Record eligibility").click();
        settle();

        Locator version = field("Consent document version");
        version.fill("RIVER consent form v1.0");
        version.press("Enter");
        field("Date signed").click();
        button("Today").click();
        settle();
        answer("Agrees to be contacted by SMS", "Yes");
        answer("Agrees to be contacted by email", "No");
        button("Record consent").click();
        settle();

        button("Enrol and randomise").click();
        button("Yes, enrol and randomise").click();
        assertThat(page.getByText(Pattern.compile("Allocated to (Exercise|Control)")).first()).isVisible();

        choose(field("Therapist"), "Theo Therapist (riverside.therapist)");
        choose(field("Coordinator"), "Cora Coordinator (riverside.coordinator)");
        button("Save the care team").click();
        assertThat(page.getByText("The care team is saved.")).isVisible();
        button("Invite by SMS").click();
        assertThat(page.getByText("Signs in as riverside.river-001.")).isVisible();
        return record;
    }

    private void answer(String question, String choice) {
        page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName(question))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(choice).setExact(true)).check();
    }

    private void phone() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true).setLocale("en-GB"));
        context.addInitScript(BrowserJourney.HIDE_DEV_TOOLS);
        page = context.newPage();
    }

    /** The tenant administrator: the study record and arms, eligibility, randomisation and the schedule. */
    private void setUpTheStudy() {
        open("admin/study");
        assertThat(page.getByText("This institution has no study yet")).isVisible();
        field("Acronym").fill("RIVER");
        field("Title").fill("Home exercise for aromatase-inhibitor joint symptoms");
        field("Target enrolment").fill("24");
        field("Team phone for participants").fill("+86 21 5555 0100");
        field("Code").nth(0).fill("EXERCISE");
        field("Name").nth(0).fill("Exercise");
        field("Code").nth(1).fill("CONTROL");
        field("Name").nth(1).fill("Control");
        button("Create the study").click();
        assertThat(page.getByText("Study created.")).isVisible();

        open("admin/eligibility");
        button("Add a measure").click();
        field("Code").nth(0).fill("bpi_worst");
        field("Label").nth(0).fill("BPI worst pain in the last 24 hours (0-10)");
        field("Lowest").fill("0");
        field("Highest").fill("10");
        button("Add a criterion").click();
        button("Add a criterion").click();
        field("Code").nth(1).fill("I1");
        field("Criterion").nth(0).fill("Hormone receptor-positive breast cancer on an aromatase inhibitor");
        field("Code").nth(2).fill("I2");
        field("Criterion").nth(1).fill("BPI worst pain of 3 or more");
        choose(page.getByLabel("Judged by").nth(1), "All of these conditions");
        button("Add a condition").click();
        field("Measure code").fill("bpi_worst");
        choose(field("Is"), "at least");
        field("Value").fill("3");
        button("Save").click();
        assertThat(page.getByText("Eligibility criteria saved.")).isVisible();

        open("admin/randomisation");
        button("Save the plan and set up randomisation").click();
        button("Set up randomisation").click();
        assertThat(page.getByText("Randomisation is set up.").first()).isVisible();

        open("admin/schedule");
        button("Add a timepoint").click();
        button("Add a timepoint").click();
        field("Code").nth(0).fill("baseline");
        field("Label").nth(0).fill("Baseline");
        field("Days before").nth(0).fill("14");
        field("Code").nth(1).fill("week_6");
        field("Label").nth(1).fill("Week 6");
        field("Day after enrolment").nth(1).fill("42");
        button("Save").click();
        assertThat(page.getByText("Schedule of assessments saved.")).isVisible();
    }

    /** Picks an option of a Vaadin select or combo box. */
    private void choose(Locator select, String option) {
        select.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).first().click();
        settle();
    }

    // --- steps a person takes -------------------------------------------------------------------------------------

    private void device() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        context.addInitScript(BrowserJourney.HIDE_DEV_TOOLS);
        page = context.newPage();
    }

    private void setPassword(String link, String username) {
        page.navigate(link);
        field("New password").fill(PASSWORD);
        field("Repeat the password").fill(PASSWORD);
        button("Set password").click();
        assertThat(page.getByText("Your password is set. Sign in as " + username + ".")).isVisible();
    }

    private void signInAs(String username) {
        page.navigate(address.resolve("/login").toString());
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(PASSWORD);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.waitForURL(u -> !u.contains("/login"));
        page.locator("vaadin-app-layout, main").first().waitFor();
    }

    private void signOut() {
        context.clearCookies();
    }

    private void newAccount(String username, String name, String role) {
        open("admin/users");
        button("New account").click();
        field("Username").fill(username);
        field("Name").fill(name);
        field("Email").fill(username + "@riverside.example");
        field("Initial password").fill(PASSWORD);
        field(role).check();
        button("Create").click();
        settle();
        assertThat(page.locator("vaadin-grid")).containsText(username);
    }

    private void open(String path) {
        page.navigate(address.resolve("/" + path).toString());
        page.locator(".portal-view").first().waitFor();
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void settle() {
        BrowserJourney.settle(page);
    }

    // --- the portal process -----------------------------------------------------------------------------------------

    private static String awaitInLog(Pattern pattern) throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Not in the portal's log: " + pattern + "; see " + log);
    }

    /** The walk left no exception in the server's log (a background denial is a defect even when the screen is fine). */
    private static void serverLogHasNoException() throws IOException {
        List<String> exceptions = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("Exception") || line.contains(" ERROR ")).toList();
        assertThat(exceptions).as("exceptions in " + log).isEmpty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
