package org.researchportal.assessments.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/** The blinded assessor works from the worklist into each instrument's form; no arm appears on either screen. */
class AssessorUiTests extends UiTest {

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    ParticipantService participants;

    @Test
    void theWorklistShowsOpenTimepointsFirstAndNoArm() {
        signInToUi("fudan.assessor");
        UI.getCurrent().navigate("");
        assertThat(currentPath()).isEqualTo("assessments");
        List<String> open = allCells(_get(Grid.class));
        assertThat(open).contains("Window closed").doesNotContain("Overdue", "Done", "Exercise", "Control");
        _setValue(_get(Checkbox.class), true);
        List<String> all = allCells(_get(Grid.class));
        assertThat(all).contains("Done", "Baseline", "Week 12").doesNotContain("Exercise", "Control");
        assertThat(viewText()).doesNotContain("Exercise", "Control");
    }

    @Test
    void anInstrumentIsCheckedAtItsFieldsAndScoredWhenSaved() {
        signInToUi("lakeside.assessor");
        DueAssessment due = assessments.worklist(studies.studies().getFirst().id()).stream()
                .filter(d -> d.timepoint().equals("week_8")
                        && assessments.find(d.participantId(), "week_8", "bpi_sf").isEmpty())
                .findFirst().orElseThrow();
        UI.getCurrent().navigate("assess/" + due.participantId() + "/week_8");
        // The arms' names appear only as the choices of the assessor's guess, once something is recorded.
        String guessForm = _find(ArmGuessForm.class).stream().map(f -> f.getElement().getTextRecursively())
                .findFirst().orElse("");
        assertThat(viewText().replace(guessForm, "")).contains(due.displayName(), "Week 8")
                .doesNotContain("Supervised", "Usual care");

        // The BPI's items are 0-10 scales: a row of their values to tap, so nothing outside the range can be given.
        List<RadioButtonGroup> bpi = _find(RadioButtonGroup.class).subList(0, 4);
        assertThat(bpi.get(0).getHelperText()).isEqualTo("0 = No pain, 10 = Pain as bad as you can imagine");
        _setValue(bpi.get(0), "8");
        _setValue(bpi.get(1), "2");
        _setValue(bpi.get(2), "5");
        Button saveBpi = _find(Button.class, spec -> spec.withText("Save")).getFirst();
        _click(saveBpi);
        assertThat(bpi.get(3).isInvalid()).isTrue();
        assertThat(bpi.get(3).getErrorMessage()).isEqualTo("This item must be answered.");
        assertThat(assessments.find(due.participantId(), "week_8", "bpi_sf")).isEmpty();

        _setValue(bpi.get(3), "5");
        _click(saveBpi);
        assertThat(bpi.get(3).isInvalid()).isFalse();
        assertThat(viewText()).contains("Pain severity (mean of 4): 5.0", "Version 1 of this instrument.");
        assertThat(assessments.find(due.participantId(), "week_8", "bpi_sf")).hasValueSatisfying(
                r -> assertThat(r.answers()).containsEntry("worst", "8").containsEntry("now", "5"));
    }

    /** A lakeside participant of this test's own, enrolled some days ago, so no other test's data is used up. */
    private DueAssessment ownLakesideVisit(int enrolledDaysAgo, String timepoint) {
        java.time.LocalDate enrolled = java.time.LocalDate.now().minusDays(enrolledDaysAgo);
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        String id = asSystem("lakeside", java.util.Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                new ParticipantImport(studies.studies().getFirst().id(), "UI-" + suffix, "UI-" + suffix,
                        "Visit Test " + suffix, ParticipantStatus.ENROLLED, "USUAL", enrolled.minusDays(3), enrolled,
                        null, null, null, "en", "Europe/London", null, null, null, null)));
        signInToUi("lakeside.assessor");
        return assessments.worklist(studies.studies().getFirst().id()).stream()
                .filter(d -> d.participantId().equals(id) && d.timepoint().equals(timepoint)).findFirst()
                .orElseThrow();
    }

    @Test
    void aFractionIsRefusedAsNotAWholeNumberAndTooFewInterferenceItemsAreSaidToLeaveTheScoreUncomputed() {
        signInToUi("lakeside.assessor");
        DueAssessment due = ownLakesideVisit(56, "week_8");
        UI.getCurrent().navigate("assess/" + due.participantId() + "/week_8");
        List<RadioButtonGroup> bpi = _find(RadioButtonGroup.class);
        _setValue(bpi.get(0), "2");
        _setValue(bpi.get(1), "2");
        _setValue(bpi.get(2), "5");
        _setValue(bpi.get(3), "4");
        // Three of the seven interference items: under the BPI's rule the interference mean needs four.
        _setValue(bpi.get(4), "3");
        _setValue(bpi.get(5), "3");
        _setValue(bpi.get(6), "3");
        assertThat(viewText()).contains("is not computed: 3 of its 7 items answered, too few under its rule");
        _click(_find(Button.class, spec -> spec.withText("Save")).getFirst());
        assertThat(assessments.find(due.participantId(), "week_8", "bpi_sf")).isPresent();

        // Stiffness minutes are a whole number typed in: a fraction is refused as not whole, not as out of range.
        NumberField minutes = _get(NumberField.class, spec -> spec.withLabel("Morning stiffness duration (min)"));
        _setValue(_find(RadioButtonGroup.class).get(11), "3");
        _setValue(minutes, 2.5);
        _click(_find(Button.class, spec -> spec.withText("Save")).get(1));
        assertThat(minutes.isInvalid()).isTrue();
        assertThat(minutes.getErrorMessage()).isEqualTo("Whole numbers only.");
        _setValue(minutes, 20.0);
        _click(_find(Button.class, spec -> spec.withText("Save")).get(1));
        assertThat(assessments.find(due.participantId(), "week_8", "stiffness")).isPresent();

        UI.getCurrent().navigate("assessments");
        UI.getCurrent().navigate("assess/" + due.participantId() + "/week_8");
        assertThat(viewText()).as("the saved record says so too").contains(
                "Pain interference (mean of 7, at least 4 answered) is not computed: 3 of its 7 items answered");
    }

    @Test
    void aClosedWindowIsRecordedAsMissedWithItsReasonAndLeavesTheWorklist() {
        signInToUi("lakeside.assessor");
        DueAssessment closed = ownLakesideVisit(120, "week_8");
        assertThat(closed.state()).isEqualTo(DueAssessment.State.WINDOW_CLOSED);
        UI.getCurrent().navigate("assess/" + closed.participantId() + "/" + closed.timepoint());
        assertThat(viewText()).contains("This window closed without an assessment");
        _click(_get(Button.class, spec -> spec.withText("Record as not assessed")));
        assertThat(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Reason"))
                .isInvalid()).isTrue();
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Reason")),
                "Did not attend; three calls unanswered");
        _click(_get(Button.class, spec -> spec.withText("Record as not assessed")));
        assertThat(currentPath()).isEqualTo("assessments");
        assertThat(assessments.worklist(studies.studies().getFirst().id())).filteredOn(
                d -> d.participantId().equals(closed.participantId()) && d.timepoint().equals(closed.timepoint()))
                .singleElement().satisfies(d -> {
                    assertThat(d.state()).isEqualTo(DueAssessment.State.MISSED);
                    assertThat(d.missedReason()).isEqualTo("Did not attend; three calls unanswered");
                });
    }
}
