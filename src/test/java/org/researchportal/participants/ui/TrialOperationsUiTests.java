package org.researchportal.participants.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.ui.NotFoundView;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/** A clinician screens, judges, consents and randomises through the screens, as they would in the clinic. */
class TrialOperationsUiTests extends UiTest {

    @Autowired
    ScreeningService screening;
    @Autowired
    StudyService studies;

    private String lakesideCandidate(String name) {
        signInToUi("lakeside.clinician");
        return screening.screen(studies.studies().getFirst().id(), new NewCandidate(name, LocalDate.now(), null, null,
                "en", "Europe/London", null));
    }

    @Test
    void theScreeningLogListsCandidatesAndRefusesABadPhoneAtItsField() {
        signInToUi("lakeside.clinician");
        UI.getCurrent().navigate("screening");
        assertThat(allCells(_get(Grid.class))).contains("S-L01", "Alex Sample", "Taylor Testcase");
        _click(_get(Button.class, spec -> spec.withText("New candidate")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Phone Trouble");
        TextField phone = _get(TextField.class, spec -> spec.withLabel("Phone"));
        _setValue(phone, "not a number");
        _click(_get(Button.class, spec -> spec.withText("Add to the screening log")));
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).startsWith("Enter a valid mobile number");
        _setValue(phone, "+44 7911 123456");
        _click(_get(Button.class, spec -> spec.withText("Add to the screening log")));
        assertThat(currentPath()).startsWith("participants/");
        assertThat(viewText()).contains("Phone Trouble", "Screened", "+447911123456");
    }

    @Test
    void fromScreeningToAllocationOnOneRecord() {
        String id = lakesideCandidate("Walks Again");
        UI.getCurrent().navigate("participants/" + id);
        assertThat(viewText()).contains("Randomisation needs an eligible judgement");

        NumberField weeks = _get(NumberField.class);
        _setValue(weeks, 3.0);
        assertThat(viewText()).contains("Fails");
        _setValue(weeks, 8.0);
        @SuppressWarnings("unchecked")
        List<RadioButtonGroup<Boolean>> answers = _find(RadioButtonGroup.class).stream()
                .map(g -> (RadioButtonGroup<Boolean>) g).toList();
        _setValue(answers.get(0), true);
        _setValue(answers.get(1), false);
        assertThat(viewText()).contains("Eligible").doesNotContain("Not yet decided");
        _click(_get(Button.class, spec -> spec.withText("Record eligibility")));

        // The version signed is offered from the study's consent forms (the demo seeds one).
        @SuppressWarnings("unchecked")
        ComboBox<String> version = _get(ComboBox.class, spec -> spec.withLabel("Consent document version"));
        assertThat(version.getValue()).startsWith("STRIDE-K consent form v");
        _click(_get(Button.class, spec -> spec.withText("Record consent")));
        assertThat(viewText()).contains("Consent document version STRIDE-K consent form v");

        @SuppressWarnings("unchecked")
        Select<String> age = _get(Select.class, spec -> spec.withLabel("Age group"));
        _setValue(age, "65-plus");
        _click(_get(Button.class, spec -> spec.withText("Enrol and randomise")));
        assertThat(viewText()).containsAnyOf("Allocated to Supervised walking", "Allocated to Usual care")
                .contains("Enrolled");

        // Each step left its audit record, newest first, with what changed.
        List<String> trail = allCells(_get(Grid.class, spec -> spec.withClasses("audit-grid")));
        assertThat(trail).containsSubsequence("Dr Lakeside Demo enrolled and randomised",
                "Dr Lakeside Demo recorded consent", "Dr Lakeside Demo assessed eligibility",
                "Dr Lakeside Demo screened the candidate");
        assertThat(trail).anyMatch(cell -> cell.contains("Status: Eligible → Enrolled"));
    }

    @Test
    void anotherTenantsParticipantIsNotFoundAndAssessorsCannotOpenRecords() {
        String lakesideId = lakesideCandidate("Lakeside Only");
        signInToUi("fudan.clinician");
        UI.getCurrent().navigate("participants/" + lakesideId);
        assertThat(_find(NotFoundView.class)).hasSize(1);
        assertThat(_find(ParticipantRecordView.class)).isEmpty();

        signInToUi("lakeside.assessor");
        assertThatThrownBy(() -> UI.getCurrent().navigate("participants/" + lakesideId))
                .hasMessageContaining("Access is denied");
    }
}
