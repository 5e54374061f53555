package org.researchportal.participants.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.researchportal.UiTest;

/** Each role lands on its own dashboard, sees its tenant's data and nothing else. */
class DashboardsUiTests extends UiTest {

    @ParameterizedTest
    @CsvSource({"fudan.clinician, clinician", "fudan.assessor, assessments", "fudan.therapist, therapist",
            "fudan.coordinator, coordinator", "fudan.participant, my-study", "fudan.admin, admin/users",
            "platform.admin, platform/tenants", "lakeside.clinician, clinician", "fudan.lead, clinician"})
    void signInLandsOnTheRolesOwnDashboard(String username, String dashboard) {
        signInToUi(username);
        UI.getCurrent().navigate("");
        assertThat(currentPath()).isEqualTo(dashboard);
    }

    @Test
    void theClinicianSeesEnrolmentByArmAndOnlyTheirTenantsParticipants() {
        signInToUi("fudan.clinician");
        UI.getCurrent().navigate("clinician");
        List<String> cells = allCells(_find(Grid.class).getLast());
        assertThat(cells).contains("Zhang Demo", "Exercise", "Control", "Withdrawn", "Sun Invented")
                .doesNotContain("Alex Sample", "Jordan Example");
        assertThat(viewText()).contains("Enrolled 7 of 24", "RE-MS", "Open serious adverse events",
                "Overdue assessments (", "CONSORT flow");
    }

    @Test
    void theClinicianOpensTheConsortFlowWhenTheyLookForIt() {
        signInToUi("fudan.clinician");
        UI.getCurrent().navigate("clinician");
        // Folded: its title is on the dashboard, its diagram and counts are made on opening (a smaller first answer).
        Details consort = _find(Details.class).stream().filter(d -> d.getSummary().getElement()
                .getTextRecursively().equals("CONSORT flow")).findFirst().orElseThrow();
        assertThat(consort.isOpened()).isFalse();
        assertThat(_find(Html.class)).extracting(Html::getInnerHtml).noneMatch(svg -> svg.contains("Randomised"));
        assertThat(_find(Anchor.class, spec -> spec.withText("Download as image (SVG)"))).isEmpty();
        consort.setOpened(true);
        assertThat(_find(Html.class)).extracting(Html::getInnerHtml).anyMatch(svg -> svg.contains(
                "Assessed for eligibility (n=") && svg.contains("Randomised (n="));
        assertThat(_find(Anchor.class, spec -> spec.withText("Download as image (SVG)"))).hasSize(1);
        consort.setOpened(false);
        consort.setOpened(true);
        assertThat(_find(Anchor.class, spec -> spec.withText("Download as image (SVG)"))).as("made once").hasSize(1);
    }

    @Test
    void theOverdueAssessmentsAreCountedInTheirTitleAndListedOnOpening() {
        signInToUi("fudan.clinician");
        UI.getCurrent().navigate("clinician");
        Details overdue = _find(Details.class).stream().filter(d -> d.getSummary().getElement().getTextRecursively()
                .startsWith("Overdue assessments (")).findFirst().orElseThrow();
        assertThat(overdue.isOpened()).isFalse();
        assertThat(viewText()).doesNotContain("window closed");
        overdue.setOpened(true);
        assertThat(viewText()).contains("RE-MS-001 · Zhang Demo · ", "window closed");
    }

    @Test
    void noOpenConcernIsASentenceNotAnEmptyGrid() {
        signInToUi("lakeside.clinician");
        UI.getCurrent().navigate("clinician");
        assertThat(viewText()).contains("Concerns from follow-up calls", "No open concerns.");
        assertThat(_find(Grid.class)).as("only the participant list").hasSize(1);
    }

    @Test
    void theAssessorNeverSeesAnArm() {
        signInToUi("fudan.assessor");
        UI.getCurrent().navigate("assessor");
        List<String> cells = allCells(_get(Grid.class));
        assertThat(cells).contains("Zhang Demo", "RE-MS-001").doesNotContain("Exercise", "Control");
        String page = viewText();
        assertThat(page).contains("Enrolled").doesNotContain("Exercise", "Control");
    }

    @Test
    void theTherapistFollowsOnlyTheExerciseArm() {
        signInToUi("fudan.therapist");
        UI.getCurrent().navigate("therapist");
        List<String> cells = allCells(_get(Grid.class));
        assertThat(cells).contains("Zhang Demo", "Exercise").doesNotContain("Control", "Alex Sample");
    }

    @Test
    void theParticipantSeesTheirStudyGroupAndTeam() {
        signInToUi("fudan.participant");
        UI.getCurrent().navigate("my-study");
        assertThat(_find(H2.class)).extracting(H2::getText).contains("Welcome, Zhang Demo", "Your group: Exercise");
        assertThat(_find(Anchor.class)).extracting(Anchor::getHref).contains("tel:+862100000000",
                "mailto:re-ms.team@example.org");
    }

    @Test
    void aParticipantCannotOpenAClinicianView() {
        signInToUi("fudan.participant");
        // In the browser Vaadin answers this as "not found"; Karibu surfaces the refusal as an exception.
        assertThatThrownBy(() -> UI.getCurrent().navigate("clinician")).hasMessageContaining("Access is denied");
        assertThat(_find(ClinicianDashboard.class)).isEmpty();
    }

    @Test
    void aPersonWithSeveralRolesSwitchesBetweenTheirDashboards() {
        signInToUi("fudan.lead");
        UI.getCurrent().navigate("");
        @SuppressWarnings("unchecked")
        Select<Object> roleSwitch = _get(Select.class, spec -> spec.withLabel("Working as"));
        assertThat(roleSwitch.isVisible()).isTrue();
        UI.getCurrent().navigate("therapist");
        assertThat(_find(TherapistDashboard.class)).hasSize(1);
        assertThat(roleSwitch.getValue()).hasToString("THERAPIST");
    }

    @Test
    void anotherTenantsClinicianSeesTheirOwnStudy() {
        signInToUi("lakeside.clinician");
        UI.getCurrent().navigate("clinician");
        assertThat(allCells(_find(Grid.class).getLast())).contains("Alex Sample", "Supervised walking")
                .doesNotContain("Zhang Demo");
        assertThat(viewText()).contains("STRIDE-K").doesNotContain("RE-MS");
    }
}
