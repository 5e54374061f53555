package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A blinded assessor records a participant's week-6 Brief Pain Inventory from the worklist: a missing item is
 * refused at its field, the saved form shows its score, and no page they pass through names an arm.
 */
class AssessorJourney extends BrowserJourney {

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;

    @Test
    void anAssessorRecordsAWeek6PainInventoryAndNeverSeesAnArm() {
        signIn("fudan.assessor");
        DueAssessment due = assessments.worklist(studies.studies().getFirst().id()).stream()
                .filter(d -> d.timepoint().equals("week_6") && d.state() != DueAssessment.State.DONE
                        && assessments.find(d.participantId(), "week_6", "bpi_sf").isEmpty())
                .findFirst().orElseThrow();

        signInAs("fudan.assessor");
        assertThat(page.getByText("Week 6").first()).isVisible();
        assertThat(page.locator("main").first().innerText()).doesNotContain("Exercise", "Control");

        open("assess/" + due.participantId() + "/week_6");
        assertThat(page.getByText(due.displayName()).first()).isVisible();
        // The BPI's items are 0-10 scales: a row of values to tap.
        tap(0, "8");
        tap(1, "2");
        tap(2, "5");
        Locator save = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true))
                .first();
        save.click();
        settle();
        assertThat(page.getByText("This item must be answered.").first()).isVisible();

        tap(3, "5");
        save.click();
        settle();
        assertThat(page.getByText("Pain severity (mean of 4): 5.0").first()).isVisible();
        assertThat(page.locator("main").first().innerText()).doesNotContain("Exercise", "Control");
        assertThat(assessments.find(due.participantId(), "week_6", "bpi_sf")).hasValueSatisfying(r -> assertThat(
                r.answers()).containsEntry("worst", "8"));
    }

    /** Taps a value of the n-th scale on the page. */
    private void tap(int scale, String value) {
        page.locator("vaadin-radio-group").nth(scale).getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions()
                .setName(value).setExact(true)).click();
    }
}
