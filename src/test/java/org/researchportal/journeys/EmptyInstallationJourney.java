package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalApplication;
import org.researchportal.messaging.TwilioStandIn;

/**
 * A trial team that starts from nothing, through the screens alone: a fresh portal on the embedded default with the
 * demo switched off, in a JVM of its own on a data folder of its own, as a hospital would start it. Its first platform
 * administrator comes from {@code PORTAL_BOOTSTRAP_PLATFORM_ADMIN} (the set-password link is read from its log, as
 * the README says); from there every step is a person in Chromium: the platform administrator creates the
 * institution and its first administrator, who sets the study up and makes the team's accounts; the team then runs
 * the trial: two participants (one per arm), the exercise participant's session on her phone with a pain rise and the
 * therapist's alert, a follow-up call, a baseline assessment and a missed one, an adverse event, the export and the
 * CONSORT flow. SMS leave through the real Twilio SDK to a stand-in for Twilio's API that this test runs: it is the
 * participants' phones. The portal's log is read at the end: an exception in it fails the journey.
 */
class EmptyInstallationJourney {

    static final String PASSWORD = "journey-password-1";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private static Process portal;
    private static Path log;
    private static URI address;
    private static Playwright playwright;
    private static Browser browser;
    /** Twilio's API, which the institution's Twilio account points at: what reaches it is the participants' phones. */
    private static TwilioStandIn twilio;

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
                "--server.port=" + port, "--portal.messaging.dispatch.every=PT1S",
                "--portal.messaging.twilio.api-base=" + (twilio = TwilioStandIn.start()).address()));
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
        if (twilio != null) {
            twilio.close();
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

        // The platform administrator creates the institution and its first administrator. The institution lies in a
        // time zone where it is daytime now, so that participants' SMS are not held for their night (quiet hours are
        // tested on their own).
        signInAs("first.admin");
        open("platform/tenants");
        field("Code").fill("riverside");
        field("Name").first().fill("Riverside Hospital");
        field("Name in Chinese").first().fill("河畔医院");
        String zone = daytimeZone();
        field("Time zone").fill(zone);
        choose(field("Time zone"), zone);
        field("Administrator's username").fill("riverside.admin");
        field("Administrator's name").fill("Rita Admin");
        field("Administrator's email").fill("rita@riverside.example");
        button("Create").click();
        settle();
        assertThat(page.getByText("Hand this link to riverside.admin")).isVisible();
        String adminLink = page.getByLabel("Set-password link").inputValue();
        assertThat(page.locator("vaadin-grid")).containsText("Riverside Hospital");
        signOut();

        // The tenant administrator sets their own password, makes the team's accounts, sets the study up and enters
        // the institution's Twilio account.
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
        enterTheTwilioAccount();
        signOut();

        // The clinician screens, judges, consents and randomises two candidates (blocks of two: one per arm), gives
        // each their care team and invites them to their phone accounts.
        signInAs("riverside.clinician");
        Map<String, Enrolled> byArm = new HashMap<>();
        for (Enrolled enrolled : List.of(enrol("Mei River", "+86 139 0000 0042"),
                enrol("Lan Brook", "+86 139 0000 0043"))) {
            byArm.put(enrolled.arm(), enrolled);
        }
        assertThat(byArm).containsOnlyKeys("Exercise", "Control");
        Enrolled exerciser = byArm.get("Exercise");
        Enrolled control = byArm.get("Control");
        signOut();

        // The therapist finds the exercise participant in their caseload, writes the manual's first exercise and a
        // template, and prescribes from it.
        signInAs("riverside.therapist");
        open("therapist");
        assertThat(page.locator("vaadin-grid").first()).containsText(exerciser.name());
        writeTheManualAndPrescribe(exerciser);
        signOut();

        // The exercise participant takes the set-password link from the SMS on her phone, finds her programme and logs
        // a session in which her joint pain rose: she is told to stop and rest.
        phone();
        setPassword(smsLink(exerciser.phone()), exerciser.username());
        signInAs(exerciser.username());
        open("my-study");
        assertThat(page.getByText("Welcome, " + exerciser.name())).isVisible();
        assertThat(page.getByText("Your group: Exercise")).isVisible();
        open("my-exercises");
        assertThat(page.getByText("Shoulder rolls").first()).isVisible();
        button("Log a session").click();
        field("Minutes").fill("20");
        field("How hard was it? (0-10)").fill("4");
        field("Joint pain before (0-10)").fill("2");
        field("Joint pain after (0-10)").fill("5");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")
                .setExact(true)).click();
        settle();
        assertThat(page.getByText("Stop and rest")).isVisible();
        assertThat(page.getByText(Pattern.compile("your joint pain rose from 2 to 5"))).isVisible();
        device();

        // The therapist sees the open alert on the programme, and an email about it went to them.
        signInAs("riverside.therapist");
        open("programme/" + exerciser.id());
        assertThat(button("Mark handled")).isVisible();
        signOut();
        signInAs("riverside.admin");
        open("messages");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(
                "riverside.therapist@riverside.example")).first()).isVisible();
        signOut();

        // The coordinator finds the control participant's calls on the worklist and records an unanswered attempt.
        signInAs("riverside.coordinator");
        open("calls");
        Locator calls = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(control.name()));
        calls.first().click();
        page.waitForURL(Pattern.compile(".*/call/[0-9a-f]+$"));
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("No answer").setExact(true)).check();
        settle();
        button("Save this attempt").click();
        assertThat(page.getByText("The attempt is saved.")).isVisible();
        signOut();

        // The blinded assessor records the exercise participant's baseline pain inventory and marks the control
        // participant's baseline as not assessed.
        signInAs("riverside.assessor");
        open("assessments");
        assertThat(page.getByText("Baseline").first()).isVisible();
        assertThat(page.locator("main").first().innerText()).doesNotContain("Exercise", "Control");
        open("assess/" + exerciser.id() + "/baseline");
        Locator inventory = page.locator(".instrument-form").filter(new Locator.FilterOptions().setHasText(
                "Brief Pain Inventory (short form)"));
        // Each pain item is a 0-10 scale: a row of values to tap.
        tap(inventory, "Worst pain in the last 24 hours", "6");
        tap(inventory, "Least pain in the last 24 hours", "3");
        tap(inventory, "Pain on average", "5");
        tap(inventory, "Pain right now", "4");
        inventory.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
        settle();
        assertThat(page.getByText("Pain severity (mean of 4): 4.5").first()).isVisible();
        open("assess/" + control.id() + "/baseline");
        field("Reason").fill("Did not come to the baseline visit");
        button("Record as not assessed").click();
        assertThat(page.getByText("Recorded: the visit has left the worklist.")).isVisible();
        signOut();

        // The clinician records an adverse event, sees the CONSORT flow and downloads every table.
        signInAs("riverside.clinician");
        open(exerciser.record());
        button("Report an adverse event").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Onset", new Locator.GetByLabelOptions().setExact(true)).click();
        button("Today").click();
        choose(dialog.getByLabel("CTCAE grade", new Locator.GetByLabelOptions().setExact(true)), "1 · Mild");
        dialog.getByLabel("Description", new Locator.GetByLabelOptions().setExact(true))
                .fill("Sore right knee after climbing stairs");
        choose(dialog.getByLabel("Related to the exercise programme", new Locator.GetByLabelOptions()
                .setExact(true)), "Not related");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
        settle();
        assertThat(page.getByText("Sore right knee after climbing stairs").first()).isVisible();

        open("clinician");
        // The diagram is folded on the dashboard: the clinician opens it by its title.
        button("CONSORT flow").click();
        assertThat(page.locator("main").first()).containsText("Randomised (n=2)");
        open("exports");
        Download zip = page.waitForDownload(() -> page.getByText("All tables (ZIP of CSV files with their "
                + "dictionaries)").first().click());
        Map<String, String> tables = unzip(zip.path());
        assertThat(tables.keySet()).anyMatch(name -> name.contains("adverse"));
        assertThat(String.join("\n", tables.values())).contains("Sore right knee after climbing stairs");
        serverLogHasNoException();
    }

    /** A participant as the clinician enrolled them. */
    record Enrolled(String id, String record, String name, String phone, String arm, String username) {}

    /** The tenant administrator enters the institution's Twilio account (here: the stand-in's address). */
    private void enterTheTwilioAccount() {
        open("admin/messaging");
        field("Twilio account SID").fill("AC" + "0123456789abcdef".repeat(2));
        field("Twilio auth token").fill("riversideAuthToken2026");
        field("Sender number").fill("+86 21 5555 0199");
        button("Save").click();
        assertThat(page.getByText("Messaging settings saved.")).isVisible();
    }

    /** The therapist's manual, template and prescription for the exercise participant. */
    private void writeTheManualAndPrescribe(Enrolled exerciser) {
        open("manual");
        button("Add an exercise").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialogField(dialog, "Code").fill("shoulder_rolls");
        dialogField(dialog, "Title (English)").fill("Shoulder rolls");
        dialogField(dialog, "Purpose (English)").fill("Loosens the shoulders");
        dialogField(dialog, "Method, one step per line (English)").fill("Sit tall\nRoll both shoulders backwards");
        dialogField(dialog, "Take care (English)").fill("Keep the movement small");
        dialogField(dialog, "Stop rule (English)").fill("Stop if pain rises by 2");
        dialogField(dialog, "Sets").fill("2");
        dialogField(dialog, "Repetitions").fill("10");
        dialogField(dialog, "Why this change").fill("Our first exercise");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
        settle();
        assertThat(page.getByText("Shoulder rolls").first()).isVisible();

        button("Define a programme template").click();
        dialog = page.getByRole(AriaRole.DIALOG);
        dialogField(dialog, "Code").fill("home_basic");
        dialogField(dialog, "Name (English)").fill("Basic home programme");
        choose(dialogField(dialog, "Exercises"), "Shoulder rolls");
        page.keyboard().press("Escape");
        dialogField(dialog, "Days a week").fill("3");
        dialogField(dialog, "Why this change").fill("A template to prescribe from");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
        settle();
        assertThat(page.getByText("Basic home programme: 1 exercise(s), 3 day(s) a week")).isVisible();

        open("programme/" + exerciser.id());
        field("Reason").fill("Start of the programme");
        button("Prescribe a programme").click();
        settle();
        assertThat(button("Prescribe a programme")).hasCount(0);
        assertThat(page.getByText("Shoulder rolls").first()).isVisible();
    }

    /** A field by its label inside a dialog or a card. */
    private Locator dialogField(Locator dialog, String label) {
        return dialog.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    /** The follow-up plans: the default schedule, an opening and a question per arm. */
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

    /** Screening to randomisation, the care team and the invitation. */
    private Enrolled enrol(String name, String phone) {
        open("screening");
        button("New candidate").click();
        field("Name").first().fill(name);
        field("Phone").first().fill(phone);
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
        Locator allocated = page.getByText(Pattern.compile("Allocated to (Exercise|Control)")).first();
        assertThat(allocated).isVisible();
        Matcher arm = Pattern.compile("Allocated to (Exercise|Control)").matcher(allocated.innerText());
        assertThat(arm.find()).isTrue();

        choose(field("Therapist"), "Theo Therapist (riverside.therapist)");
        choose(field("Coordinator"), "Cora Coordinator (riverside.coordinator)");
        button("Save the care team").click();
        assertThat(page.getByText("The care team is saved.")).isVisible();
        button("Invite by SMS").click();
        Locator signsInAs = page.getByText(Pattern.compile("Signs in as \\S+\\.")).first();
        assertThat(signsInAs).isVisible();
        Matcher username = Pattern.compile("Signs in as (\\S+)\\.").matcher(signsInAs.innerText());
        assertThat(username.find()).isTrue();
        return new Enrolled(record.substring(record.lastIndexOf('/') + 1), record, name,
                phone.replace(" ", ""), arm.group(1), username.group(1));
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
        field("Block sizes, as multiples of the ratio's sum").fill("1");
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
        if (context != null) {
            context.close();
        }
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

    /** The local time zone, of a few, in which it is now working hours. */
    private static String daytimeZone() {
        for (String zone : List.of("Asia/Shanghai", "Asia/Kolkata", "Europe/London", "America/New_York",
                "America/Los_Angeles", "Pacific/Honolulu", "Pacific/Auckland")) {
            int hour = ZonedDateTime.now(ZoneId.of(zone)).getHour();
            if (hour >= 9 && hour < 18) {
                return zone;
            }
        }
        throw new IllegalStateException("No daytime zone in the list");
    }

    /** The set-password link of the SMS that reached this phone number. */
    private static String smsLink(String phone) throws InterruptedException {
        Pattern link = Pattern.compile("https?://\\S+/set-password/[A-Za-z0-9_-]+");
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            for (TwilioStandIn.Sms sms : twilio.received()) {
                Matcher m = link.matcher(sms.body());
                if (sms.to().equals(phone) && m.find()) {
                    return m.group();
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("No invitation SMS reached " + phone + "; SMS sent: " + twilio.received());
    }

    private static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Taps a value of a scale, found by its label, in a form. */
    private static void tap(Locator form, String scale, String value) {
        form.getByRole(AriaRole.RADIOGROUP, new Locator.GetByRoleOptions().setName(scale).setExact(true))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(value).setExact(true)).click();
    }
}
