package org.researchportal.assessments.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.assessments.StandardInstruments;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.followup.ComplianceTrial;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinician's dashboard shows questionnaire compliance per timepoint and (folded) per participant; a
 * participant's record lists her questionnaires with their state, due day, and when and by whom they were answered.
 */
class QuestionnairesUiTests extends UiTest {

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
        signInToUi(t.trial().account(accounts, t.trial().tenantId() + ".cleo", "Cleo Clinician",
                PortalRole.CLINICIAN));
    }

    @Test
    void theClinicianSeesComplianceByTimepointAndByParticipant() {
        UI.getCurrent().navigate("clinician");
        assertThat(viewText()).contains("Questionnaire compliance · Completion rate 50%", "Counted per questionnaire",
                "Compliance by participant").doesNotContain("compliance.", "EXERCISE", "CONTROL");
        Grid<?> byTimepoint = _get(Grid.class, spec -> spec.withClasses("compliance-grid"));
        assertThat(GridKt._getFormattedRow(byTimepoint, 0)).containsExactly("Week 1", "5", "1", "1", "1", "2",
                "33%");
        Details folded = _find(Details.class).stream().filter(d -> d.getSummary().getElement().getTextRecursively()
                .equals("Compliance by participant")).findFirst().orElseThrow();
        folded.setOpened(true);
        List<Grid> grids = _find(Grid.class, spec -> spec.withClasses("compliance-grid"));
        assertThat(grids).hasSize(2);
        List<String> cells = allCells(grids.getLast());
        assertThat(cells).contains("Ann Missed · Q-0A", "Cai Open · Q-0C", "0%", "–")
                .noneMatch(c -> c.equals("Exercise") || c.equals("Control"));
    }

    @Test
    void theClinicianReadsItInChinese() {
        UI.getCurrent().setLocale(PortalLocales.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("clinician");
        assertThat(viewText()).contains("问卷依从性 · 完成率 50%", "各参与者的依从性").doesNotContain("Completion rate");
        assertThat(GridKt._getFormattedRow(_get(Grid.class, spec -> spec.withClasses("compliance-grid")), 1))
                .containsExactly("第4周", "1", "1", "0", "0", "0", "100%");
    }

    @Test
    void herRecordListsEachQuestionnaireWithItsStateAndWhoAnswered() {
        UI.getCurrent().navigate("participants/" + t.bea());
        assertThat(viewText()).contains("Questionnaires", "Expected 1, completed 1, open 0, late 0, missed 0."
                + " Completion rate (completed out of completed plus missed): 100%.");
        Grid<?> grid = _get(Grid.class, spec -> spec.withClasses("questionnaires-grid"));
        List<String> week1 = GridKt._getFormattedRow(grid, 0);
        assertThat(week1.subList(0, 3)).containsExactly("Week 1", StandardInstruments.stiffness().name().in(
                Locale.ENGLISH), "Completed");
        assertThat(week1.get(4)).isNotBlank();
        assertThat(week1.get(5)).isEqualTo("Staff (at a visit or from a paper form)");
        List<String> week4 = GridKt._getFormattedRow(grid, 1);
        assertThat(week4.subList(0, 3)).containsExactly("Week 4", StandardInstruments.stiffness().name().in(
                Locale.ENGLISH), "Not open yet");
        assertThat(week4.subList(4, 6)).containsExactly("", "");
        assertThat(allCells(grid)).noneMatch(c -> c.equals("stiffness") || c.equals("week_1")
                || c.equals("COMPLETED") || c.equals("STAFF"));
    }

    @Test
    void herOwnAnswersAreSaidToBeHers() {
        t.caiAnswersHerself(assessments);
        UI.getCurrent().navigate("participants/" + t.cai());
        List<String> week1 = GridKt._getFormattedRow(_get(Grid.class, spec -> spec.withClasses(
                "questionnaires-grid")), 0);
        assertThat(week1.get(2)).isEqualTo("Completed");
        assertThat(week1.get(5)).isEqualTo("The participant");
    }

    @Test
    void herRecordSpeaksChineseOnTheChineseScreen() {
        UI.getCurrent().setLocale(PortalLocales.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("participants/" + t.ann());
        assertThat(viewText()).contains("应完成 1，已完成 0，可填写 0，已逾期 0，已错过 1。");
        List<String> week1 = GridKt._getFormattedRow(_get(Grid.class, spec -> spec.withClasses(
                "questionnaires-grid")), 0);
        assertThat(week1.get(0)).isEqualTo("第1周");
        assertThat(week1.get(1)).isEqualTo(StandardInstruments.stiffness().name().in(Locale.SIMPLIFIED_CHINESE));
        assertThat(week1.get(2)).isEqualTo("已错过");
    }
}
