package org.researchportal.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.AccessDeniedException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.analysis.BlindingIndexes;
import org.researchportal.assessments.ArmGuessRecord;
import org.researchportal.assessments.ArmGuesses;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/** The statistics page's blinding report: the figures by arm, never a participant, and never a blinded role's. */
class BlindingSectionUiTests extends UiTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ParticipantService participants;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ArmGuesses guesses;
    @Autowired
    AccountService accounts;
    @Autowired
    BlindingIndexes indexes;

    /**
     * Exercise: EX-1 guessed exercise (correct), EX-2 don't know: BI = (1 - 0)/2 = 0.5, Var = [0.5 - 0.25]/2 =
     * 0.125, SE = 0.353553, interval 0.5 +/- 0.692952 = (-0.193, 1.193). Control: CO-1 guessed exercise (incorrect),
     * CO-2 control (correct): BI = 0, Var = [1 - 0]/2 = 0.5, SE = 0.707107, interval (-1.386, 1.386).
     */
    @Test
    void theStatisticianSeesTheGuessesByArmWithTheIndexesAndNoParticipant() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        as(trial, PortalRole.TENANT_ADMIN, () -> {
            studies.configureSchedule(trial.studyId(), DemoStudyDesigns.reMsSchedule());
            return null;
        });
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, String> guessed = Map.of("EX-1", "EXERCISE", "EX-2", ArmGuessRecord.DONT_KNOW, "CO-1",
                "EXERCISE", "CO-2", "CONTROL");
        for (String number : List.of("EX-1", "EX-2", "CO-1", "CO-2")) {
            String id = as(trial, PortalRole.CLINICIAN, () -> participants.importRecord(new ParticipantImport(trial
                    .studyId(), "SCR-" + number, number, "Guessed " + number, ParticipantStatus.ENROLLED, number
                            .startsWith("EX") ? "EXERCISE" : "CONTROL", today.minusDays(60), today.minusDays(50),
                    null, null, null, "en", "Asia/Shanghai", null, null, null, null)));
            as(trial, PortalRole.ASSESSOR, () -> assessments.record(id, "week_6", "stiffness", today, Map.of(
                    "stiffness", "3", "morning_minutes", "10"), null));
            as(trial, PortalRole.ASSESSOR, () -> guesses.guess(id, "week_6", guessed.get(number), null));
        }
        signInToUi(trial.account(accounts, "stat", "Sam Statistician", PortalRole.STATISTICIAN));
        UI.getCurrent().navigate("statistics");

        BlindingPanel panel = _get(BlindingPanel.class);
        List<String> cells = allCells(_get(panel, Grid.class));
        assertThat(cells).containsSubsequence("Week 6", "Exercise", "2", "1", "0", "1", "0.500 (-0.193, 1.193)",
                "Interval covers 0: no better than chance, blinding held");
        assertThat(cells).containsSubsequence("Week 6", "Control", "2", "1", "1", "0", "0.000 (-1.386, 1.386)");
        String text = panel.getElement().getTextRecursively();
        assertThat(text).contains("Did blinding hold?", "Bang, Ni & Davis 2004", "James' index, Week 6: ")
                .doesNotContain("EX-1", "CO-2", "Guessed");
        assertThat(cells).noneMatch(cell -> cell.contains("EX-") || cell.contains("CO-"));
        // The chart with its text alternative, and the three downloads.
        assertThat(panel.getElement().toString()).contains("<svg", "<desc>");
        assertThat(_find(panel, Anchor.class)).extracting(Anchor::getText).containsExactly(
                "Download the figures (CSV)", "Download the chart (SVG)",
                "Download the guesses behind the figures (CSV)");

        // In Chinese: the timepoint, the headers and the readings in Chinese, the figures as they were.
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        var chinese = new BlindingPanel(studies.study(trial.studyId()).orElseThrow(), indexes.report(trial
                .studyId()));
        assertThat(allCells(_get(chinese, Grid.class))).contains("第6周", "0.500 (-0.193, 1.193)",
                "区间包含 0：不优于随机猜测，盲法得以保持");
        assertThat(chinese.getElement().getTextRecursively()).contains("盲法是否保持？", "James 盲法指数，第6周：")
                .doesNotContain("Did blinding hold", "Interval covers", "Download");
    }

    @Test
    void aStudyWithoutGuessesSaysSo() {
        signInToUi("lakeside.statistician");
        UI.getCurrent().navigate("statistics");
        assertThat(_get(BlindingPanel.class).getElement().getTextRecursively()).contains("Did blinding hold?");
    }

    @Test
    void neitherTheMonitorNorTheAssessorOpensIt() {
        for (String username : List.of("lakeside.monitor", "lakeside.assessor")) {
            signInToUi(username);
            assertThatThrownBy(() -> UI.getCurrent().navigate("statistics")).as(username)
                    .hasRootCauseInstanceOf(AccessDeniedException.class);
            assertThat(_find(BlindingPanel.class)).as(username).isEmpty();
        }
    }

    private <T> T as(TrialFixture trial, PortalRole role, Supplier<T> work) {
        return asSystem(trial.tenantId(), Set.of(role), work);
    }
}
