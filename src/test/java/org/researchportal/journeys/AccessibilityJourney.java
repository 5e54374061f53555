package org.researchportal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.security.PortalRole;
import org.researchportal.followup.CallRow;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.WorklistFilter;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every main view of every role (the menu's pages and the record pages reached from them), signed in as that role,
 * checked with axe-core (injected into the page): no serious or critical violation. Each role's dashboard is also photographed into {@code docs/screenshots/} for the README.
 */
class AccessibilityJourney extends BrowserJourney {

    /** The npm package, fetched once into target/ (a version whose rules read vaadin-grid's shadow table right). */
    private static final String AXE_VERSION = "4.14.1";
    private static final Path AXE = Path.of("target", "axe-core-" + AXE_VERSION, "package", "axe.min.js");
    private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private static String axe() {
        try {
            if (!Files.exists(AXE)) {
                Path folder = AXE.getParent().getParent();
                Files.createDirectories(folder);
                run(folder, "npm", "pack", "axe-core@" + AXE_VERSION, "--silent");
                run(folder, "tar", "xzf", "axe-core-" + AXE_VERSION + ".tgz");
            }
            return Files.readString(AXE, StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("axe-core " + AXE_VERSION + " could not be fetched with npm", e);
        }
    }

    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed in " + folder);
        }
    }

    /** The serious and critical violations on the page, one line each (rule, impact, first element). */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe()));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(
                "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({id: v.id,"
                        + " impact: v.impact, help: v.help, target: v.nodes.map(n => n.target.join(' ')).slice(0, 3)"
                        + ".join(' | '),"
                        + " why: (v.nodes[0] && v.nodes[0].failureSummary || '').replace(/\\s+/g, ' ')})))");
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            if ("serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))) {
                serious.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("target")
                        + ": " + v.get("why"));
            }
        }
        return serious;
    }

    @Autowired
    CallWorklist calls;
    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;

    /** Fills the record pages' ids in from the demo data: an exercise-arm participant, an open call, a due visit. */
    private String withIds(String path) {
        if (!path.contains("{")) {
            return path;
        }
        CallRow open = asSystem("fudan", Set.of(PortalRole.COORDINATOR), () -> calls.worklist(WorklistFilter.OPEN))
                .stream().filter(r -> r.participant().armCode().equals("EXERCISE")).findFirst().orElseThrow();
        DueAssessment due = asSystem("fudan", Set.of(PortalRole.ASSESSOR), () -> assessments.worklist(
                studies.studies().getFirst().id())).stream().filter(d -> d.state() != DueAssessment.State.DONE)
                .findFirst().orElseThrow();
        return path.replace("{exerciser}", open.participant().id()).replace("{call}", open.callId())
                .replace("{due}", due.participantId() + "/" + due.timepoint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "platform.admin   | platform-admin | 1280 | platform/tenants",
            "fudan.admin      | tenant-admin   | 1280 | admin/users, admin/study, admin/follow-up, admin/instruments, admin/instruments/design/bpi_sf, messages, message-templates, manual, documents",
            "fudan.clinician  | clinician      | 1280 | clinician, screening, participants/{exerciser}, exports, documents, api-tokens",
            "fudan.assessor   | assessor       | 1280 | assessments, assessor, assess/{due}",
            "fudan.monitor    | monitor        | 1280 | monitor, monitor/participant/{exerciser}, queries, sdv, edit-checks, database-lock, archives",
            "fudan.therapist  | therapist      | 1280 | therapist, programme/{exerciser}, progress/{exerciser}, manual, cert",
            "fudan.statistician| statistician  | 1280 | statistics, cert",
            "fudan.coordinator| coordinator    | 1280 | coordinator, calls, call/{call}, messages, messages/participant/{exerciser}",
            "fudan.participant| participant    | 390  | my-study, my-questionnaires/baseline, my-exercises, my-manual, guidance, my-contact",
            "fudan.participant2| participant-control | 390 | my-study, guidance"})
    void eachRolesMainViewsHaveNoSeriousAccessibilityViolations(String username, String role, int width,
            String paths) throws IOException {
        BrowserContext device = newContext(new Browser.NewContextOptions().setViewportSize(width, width < 600 ? 844
                : 900).setLocale("en-GB").setIsMobile(width < 600));
        try {
            page = device.newPage();
            signInAs(username);
            Files.createDirectories(SCREENSHOTS);
            // The landing page is the dashboard: photographed as a person first sees it.
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(role + ".png")));
            List<String> found = new ArrayList<>();
            for (String path : paths.split(",\\s*")) {
                open(withIds(path.trim()));
                seriousViolations(page).forEach(v -> found.add(path.trim() + ": " + v));
            }
            assertThat(found).as("serious or critical axe-core violations").isEmpty();
        } finally {
            device.close();
        }
    }
}
