package org.researchportal.followup.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.followup.CallOutcome;
import org.researchportal.followup.CallRow;
import org.researchportal.followup.CallStatus;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.Escalations;
import org.researchportal.followup.OutsideExerciseKind;
import org.researchportal.followup.Urgency;
import org.researchportal.followup.WorklistFilter;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/** The coordinator's dashboard, worklist and call form on the demo's RE-MS calls; the clinician's escalations. */
class FollowUpUiTests extends UiTest {

    @Autowired
    CallWorklist worklist;
    @Autowired
    Escalations escalations;
    @Autowired
    StudyService studies;
    @Autowired
    org.researchportal.assessments.AdverseEventDrafts adverseEventDrafts;

    @Test
    void theDashboardShowsTheMonthAndTheCallsToMakeNow() {
        signInToUi("fudan.coordinator");
        UI.getCurrent().navigate("coordinator");
        assertThat(viewText()).contains("Calls due this month, completed", "Overdue", "Open concerns",
                "Attempts made this month (any call), by outcome", "No answer: ").doesNotContain("call.");
        UI.getCurrent().navigate("calls");
        @SuppressWarnings("unchecked")
        Grid<CallRow> grid = _get(Grid.class, spec -> spec.withClasses("call-grid"));
        List<String> cells = allCells(grid);
        assertThat(cells).anyMatch(c -> c.startsWith("Call ")).noneMatch(c -> c.contains("call."))
                .noneMatch(c -> c.matches(".*[0-9a-f]{24}.*"));
        assertThat(((Anchor) GridKt._getCellComponent(grid, 0, "phone")).getHref()).startsWith("tel:+86138");
        List<CallRow> rows = GridKt._fetch(grid, 0, GridKt._size(grid));
        assertThat(rows).extracting(CallRow::urgency).doesNotContain(Urgency.CLOSED);
        // Priority: overdue ones first, then those with an open concern.
        int firstNotOverdue = (int) rows.stream().takeWhile(r -> r.urgency() == Urgency.OVERDUE).count();
        assertThat(rows.subList(firstNotOverdue, rows.size())).noneMatch(r -> r.urgency() == Urgency.OVERDUE);
    }

    @Test
    void aCoordinatorRecordsACallAndAMissingAnswerIsShownAtItsField() {
        signInToUi("fudan.coordinator");
        CallRow open = worklist.worklist(WorklistFilter.OPEN).stream()
                .filter(r -> r.participant().armCode().equals("CONTROL")).findFirst().orElseThrow();
        UI.getCurrent().navigate(CallView.class, open.callId());
        assertThat(viewText()).contains(open.participant().displayName(), "Who and when", "Script and record")
                .containsAnyOf("RE-MS study team", "RE-MS 研究团队");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<CallOutcome> outcome = _get(RadioButtonGroup.class, spec -> spec.withLabel(
                "How did the call go?"));
        outcome.setValue(CallOutcome.COMPLETED);
        assertThat(_find(IntegerField.class, spec -> spec.withLabel("Exercise sessions in the last month")))
                .as("the control arm's script does not ask about exercise").isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Save this attempt")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> taking = _get(RadioButtonGroup.class, spec -> spec.withLabel(
                "Still taking the aromatase inhibitor?"));
        assertThat(taking.isInvalid()).isTrue();
        assertThat(taking.getErrorMessage()).isEqualTo("Choose yes or no.");

        taking.setValue(true);
        _get(IntegerField.class, spec -> spec.withLabel("Joint pain in the last week (0-10)")).setValue(3);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> health = _get(RadioButtonGroup.class, spec -> spec.withLabel(
                "Any new health problems since the last call?"));
        health.setValue(false);
        // The control arm's script asks about exercise outside the study: kinds and minutes only with yes.
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> outside = _get(RadioButtonGroup.class, spec -> spec.withLabel(
                "In the last month, did you do any exercise that is not part of this study?"));
        assertThat(outside.isInvalid()).as("required").isTrue();
        assertThat(_find(IntegerField.class, spec -> spec.withLabel("About how many minutes a week")))
                .as("only with yes").isEmpty();
        assertThat(_find(CheckboxGroup.class, spec -> spec.withLabel("Which kinds of exercise outside the study")))
                .as("only with yes").isEmpty();
        outside.setValue(true);
        IntegerField minutes = _get(IntegerField.class, spec -> spec.withLabel("About how many minutes a week"));
        @SuppressWarnings("unchecked")
        CheckboxGroup<OutsideExerciseKind> kinds = _get(CheckboxGroup.class, spec -> spec.withLabel(
                "Which kinds of exercise outside the study"));
        assertThat(kinds.getListDataView().getItems().map(k -> kinds.getItemLabelGenerator().apply(k)).toList())
                .contains("Walking", "Yoga, tai chi, qigong or pilates", "Physiotherapy or rehabilitation", "Other");
        minutes.setValue(5000);
        _click(_get(Button.class, spec -> spec.withText("Save this attempt")));
        assertThat(minutes.isInvalid()).isTrue();
        assertThat(minutes.getErrorMessage()).isEqualTo(
                "With yes, enter about how many minutes a week, from 0 to 3000.");
        assertThat(worklist.context(open.callId()).call().getStatus()).isEqualTo(CallStatus.OPEN);
        minutes.setValue(120);
        kinds.setValue(Set.of(OutsideExerciseKind.WALKING, OutsideExerciseKind.DANCE));
        _click(_get(Button.class, spec -> spec.withText("Save this attempt")));
        assertThat(worklist.context(open.callId()).call().getStatus()).isEqualTo(CallStatus.COMPLETED);
        assertThat(viewText()).contains("This call is completed", "Joint pain in the last week (0-10) 3",
                "In the last month, did you do any exercise that is not part of this study? Yes · 120 min a week · "
                        + "Dance, Walking");
    }

    @Test
    void theClinicianSeesTheConcernACallRaisedAndTheCallOnTheRecord() {
        signInToUi("fudan.clinician");
        String participant = escalations.open(studies.studies().getFirst().id()).getFirst().getParticipantId();
        UI.getCurrent().navigate("participants/" + participant);
        assertThat(viewText()).contains("Telephone follow-ups", "Call 1 · ", "completed");
        UI.getCurrent().navigate("clinician");
        assertThat(viewText()).contains("Concerns from follow-up calls",
                "Possible adverse events from follow-up calls to review (1)", "bruised her right wrist");
        assertThat(_find(Grid.class).stream().<String>flatMap(grid -> allCells((Grid<?>) grid).stream()))
                .contains("Concern").anyMatch(c -> c.startsWith("Thinking of stopping letrozole"));
    }

    @Test
    void nobodyButCoordinatorsOpensTheCalls() {
        for (String user : List.of("fudan.therapist", "fudan.assessor", "fudan.clinician")) {
            signInToUi(user);
            assertThatThrownBy(() -> UI.getCurrent().navigate("calls")).as(user)
                    .hasMessageContaining("Access is denied");
            assertThatThrownBy(() -> UI.getCurrent().navigate("coordinator")).as(user)
                    .hasMessageContaining("Access is denied");
        }
    }

    @Test
    void anAdministratorSetsAnArmsPlanAndItsCallsArePlannedAtOnce() {
        signInToUi("lakeside.coordinator");
        UI.getCurrent().navigate("coordinator");
        assertThat(viewText()).contains("No follow-up plan is set for STRIDE-K yet");

        signInToUi("lakeside.admin");
        // The forms follow the study's arms: supervised walking, then usual care.
        UI.getCurrent().navigate("admin/follow-up");
        IntegerField interval = _find(IntegerField.class, spec -> spec.withLabel("Months between calls")).getLast();
        interval.setValue(null);
        _click(_find(Button.class, spec -> spec.withText("Save the plan for Usual care")).getFirst());
        assertThat(interval.isInvalid()).isTrue();
        assertThat(interval.getErrorMessage()).isEqualTo("Calls come every 1 to 12 months.");
        interval.setValue(1);
        var questions = _find(com.vaadin.flow.component.checkbox.CheckboxGroup.class,
                spec -> spec.withLabel("Questions the call asks")).getLast();
        @SuppressWarnings("unchecked")
        var typed = (com.vaadin.flow.component.checkbox.CheckboxGroup<org.researchportal.followup.CallQuestion>) questions;
        assertThat(typed.getValue()).as("a new control arm's plan asks about exercise outside the study")
                .containsExactly(org.researchportal.followup.CallQuestion.OUTSIDE_EXERCISE);
        typed.setValue(Set.of(org.researchportal.followup.CallQuestion.JOINT_PAIN));
        _find(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel(
                "Opening of the call (English)")).getLast().setValue("Hello from the STRIDE-K team.");
        _find(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel(
                "Opening of the call (Chinese)")).getLast().setValue("您好。");
        _click(_find(Button.class, spec -> spec.withText("Save the plan for Usual care")).getFirst());
        assertThat(interval.isInvalid()).isFalse();

        signInToUi("lakeside.coordinator");
        assertThat(worklist.worklist(WorklistFilter.OPEN)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.participant().armName()).isEqualTo("Usual care"));
    }

    @Test
    void theDraftOnTheRecordOpensTheAdverseEventFormWithWhatWasHeard() {
        signInToUi("fudan.clinician");
        var draft = adverseEventDrafts.openDrafts(studies.studies().getFirst().id()).getFirst();
        UI.getCurrent().navigate("participants/" + draft.participantId());
        assertThat(viewText()).contains("To review: on", "Follow-up call", "bruised her right wrist");
        _click(_get(Button.class, spec -> spec.withText("Record as an adverse event")));
        var description = _get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withLabel(
                "Description"));
        assertThat(description.getValue()).contains("bruised her right wrist");
        // Left unsaved here: the demo's draft stays for the other tests and for people trying the demo.
        _click(_get(Button.class, spec -> spec.withText("Cancel")));
        assertThat(adverseEventDrafts.openDraftsOf(draft.participantId())).hasSize(1);
    }
}
