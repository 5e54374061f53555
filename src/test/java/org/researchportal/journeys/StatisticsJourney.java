package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.ArmGuessRecord;
import org.researchportal.assessments.ArmGuesses;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The trial's figures by arm, on the screens: a blinded assessor records a follow-up assessment and, on the same visit
 * page, her guess of the group; the statistician lands on the statistics page and reads whether blinding held (Bang's
 * index per arm), contamination, safety and outcomes, and downloads the chart as SVG; a monitor, blinded, cannot open
 * it. A study of its own, so the figures are the test's.
 */
class StatisticsJourney extends BrowserJourney {

    private static final Map<String, String> STIFFNESS = Map.of("stiffness", "3", "morning_minutes", "10");
    private static final Map<String, String> PAIN = Map.of("worst", "6", "least", "2", "average", "4", "now", "3");

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    AccountService accounts;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ArmGuesses guesses;

    @Test
    void theAssessorsGuessReachesTheStatisticiansBlindingIndexWhichAMonitorCannotOpen() throws IOException {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns
                .reMsRandomisation(), 24);
        String study = trial.studyId();
        String assessor = trial.account(accounts, "assessor", "Ada Assessor", PortalRole.ASSESSOR);
        String statistician = trial.account(accounts, "statistician", "Stan Statistician", PortalRole.STATISTICIAN);
        String monitor = trial.account(accounts, "monitor", "Mona Monitor", PortalRole.MONITOR);
        asSystem(trial.tenantId(), Set.of(PortalRole.TENANT_ADMIN), () -> {
            studies.configureSchedule(study, List.of(
                    new Timepoint("baseline", "Baseline", "基线", 0, 14, 3, List.of("stiffness", "bpi_sf")),
                    new Timepoint("week_6", "Week 6", "第6周", 42, 60, 7, List.of("stiffness", "bpi_sf"))));
            return null;
        });
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String name = "Statistics Person " + i;
            ids.add(trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                    TrialFixture.candidate(name))));
        }
        for (String id : ids) {
            asSystem(trial.tenantId(), Set.of(PortalRole.ASSESSOR), () -> {
                LocalDate today = LocalDate.now(CurrentUser.require().zone());
                for (String timepoint : List.of("baseline", "week_6")) {
                    assessments.record(id, timepoint, "stiffness", today, STIFFNESS, null);
                    assessments.record(id, timepoint, "bpi_sf", today, PAIN, null);
                }
                return null;
            });
        }
        // Three guesses as the visit page would take them; the fourth the assessor makes on the screen.
        for (String id : ids.subList(1, 4)) {
            asSystem(trial.tenantId(), Set.of(PortalRole.ASSESSOR), () -> guesses.guess(id, "week_6",
                    ArmGuessRecord.DONT_KNOW, null));
        }

        signInAs(assessor);
        open("assess/" + ids.getFirst() + "/week_6");
        Locator form = page.locator(".arm-guess-form");
        assertThat(form).isVisible();
        form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Don't know")).check();
        form.locator(".arm-guess-save").click();
        settle();
        assertThat(asSystem(trial.tenantId(), Set.of(PortalRole.ASSESSOR), () -> guesses.guessOf(ids.getFirst(),
                "week_6")).orElseThrow().guess()).isEqualTo(ArmGuessRecord.DONT_KNOW);
        // Blinded: the visit page never tells whether a guess was right.
        assertThat(page.locator("main").first().innerText()).doesNotContainIgnoringCase("correct");

        // The statistician lands on the reports by arm: four guesses, all "don't know", so Bang's index is 0 per arm.
        signInAs(statistician);
        page.waitForURL(u -> u.endsWith("/statistics"));
        page.locator(".portal-view").first().waitFor();
        Locator blinding = page.locator(".blinding-report");
        assertThat(blinding).containsText("Did blinding hold?");
        assertThat(blinding.locator("vaadin-grid")).isVisible();
        assertThat(blinding.locator("svg[role='img']")).isVisible();
        assertThat(page.getByText("Download the chart (SVG)").first()).isVisible();
        Download chart = page.waitForDownload(() -> blinding.getByText("Download the chart (SVG)").click());
        String svg = Files.readString(chart.path(), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("<title>").contains("<desc>");
        Download sources = page.waitForDownload(() -> blinding.getByText(
                "Download the guesses behind the figures (CSV)").click());
        assertThat(Files.readAllLines(sources.path(), StandardCharsets.UTF_8)).hasSize(5);
        // The other reports by arm are on the same page; outcomes are pooled until the database is locked.
        assertThat(page.locator(".contamination-report")).isVisible();
        assertThat(page.locator(".safety-report")).isVisible();
        assertThat(page.getByText("The figures by arm exist only once the study's database is locked",
                new com.microsoft.playwright.Page.GetByTextOptions().setExact(false)).first()).isVisible();
        assertThat(page.locator(".outcomes-table")).isVisible();
        assertThat(AccessibilityJourney.seriousViolations(page)).isEmpty();

        // The monitor is blinded: the page is not theirs, and nothing of it reaches them.
        signInAs(monitor);
        page.navigate(url("statistics"));
        settle();
        assertThat(page.locator(".blinding-report")).hasCount(0);
        assertThat(page.locator("body").innerText()).doesNotContain("Did blinding hold?", "Exercise", "Control");
    }
}
