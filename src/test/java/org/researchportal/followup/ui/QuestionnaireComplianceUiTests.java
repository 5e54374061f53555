package org.researchportal.followup.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.followup.ComplianceTrial;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The coordinator's dashboard shows questionnaire compliance per timepoint, and the worklist the participants whose
 * questionnaire window closed unanswered, until marked handled: in English and in Chinese, without codes.
 */
class QuestionnaireComplianceUiTests extends UiTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ParticipantService participants;
    @Autowired
    AccountService accounts;
    @Autowired
    AssessmentService assessments;
    @Autowired
    MissedVisits missedVisits;

    private ComplianceTrial t;

    @BeforeEach
    void freshStudy() {
        t = ComplianceTrial.create(tenants, studies, randomisation, participants, accounts, assessments,
                missedVisits);
        signInToUi(t.coraUsername());
    }

    @Test
    void theDashboardShowsComplianceByTimepoint() {
        UI.getCurrent().navigate("coordinator");
        assertThat(viewText()).contains("Questionnaire compliance · TEST · Completion rate 50%",
                "The completion rate is completed out of completed plus missed").doesNotContain("compliance.");
        Grid<?> grid = _get(Grid.class, spec -> spec.withClasses("compliance-grid"));
        assertThat(GridKt._getFormattedRow(grid, 0)).containsExactly("Week 1", "5", "1", "1", "1", "2", "33%");
        assertThat(GridKt._getFormattedRow(grid, 1)).containsExactly("Week 4", "1", "1", "0", "0", "0", "100%");
    }

    @Test
    void theDashboardSpeaksChineseOnTheChineseScreen() {
        UI.getCurrent().setLocale(PortalLocales.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("coordinator");
        assertThat(viewText()).contains("问卷依从性 · TEST · 完成率 50%", "完成率 = 已完成 ÷（已完成 + 已错过）")
                .doesNotContain("Completion rate", "compliance.");
        Grid<?> grid = _get(Grid.class, spec -> spec.withClasses("compliance-grid"));
        assertThat(GridKt._getFormattedRow(grid, 0)).containsExactly("第1周", "5", "1", "1", "1", "2", "33%");
    }

    @Test
    void theWorklistShowsTheMissedOneUntilItIsMarkedHandled() {
        UI.getCurrent().navigate("calls");
        assertThat(viewText()).contains("Questionnaires missed");
        Grid<?> grid = missedGrid();
        List<String> cells = allCells(grid);
        assertThat(cells).contains("Questionnaire missed: Week 1", "Ann Missed · Q-0A", "Gao Missed · Q-0G", "You")
                .noneMatch(c -> c.contains("Bea") || c.contains("Cai") || c.contains("Dan") || c.contains("Eve"))
                .noneMatch(c -> c.contains("week_1") || c.contains("questionnaire-missed."));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Ann Missed · Q-0A");

        _click((Button) GridKt._getCellComponent(grid, 0, "handle"));
        TextArea note = _get(TextArea.class, spec -> spec.withLabel("What was done"));
        _click(_find(Button.class, spec -> spec.withText("Mark handled")).getLast());
        assertThat(note.isInvalid()).as("a note is needed").isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("Say what was done, in at most 1000 characters.");
        note.setValue("Called her: she was travelling; will answer week 4");
        _click(_find(Button.class, spec -> spec.withText("Mark handled")).getLast());
        assertThat(allCells(missedGrid())).contains("Gao Missed · Q-0G").doesNotContain("Ann Missed · Q-0A");
    }

    @Test
    void theWorklistSaysItInChinese() {
        UI.getCurrent().setLocale(PortalLocales.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("calls");
        assertThat(viewText()).contains("错过的问卷");
        assertThat(allCells(missedGrid())).contains("错过问卷：第1周", "我").noneMatch(c -> c.contains("Week 1")
                || c.contains("Questionnaire missed"));
    }

    private Grid<?> missedGrid() {
        return _get(Grid.class, spec -> spec.withClasses("missed-questionnaires-grid"));
    }
}
