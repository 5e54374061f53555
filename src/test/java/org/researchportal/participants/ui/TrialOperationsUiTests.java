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
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.ui.NotFoundView;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.researchportal.study.TrialDocumentService;
import org.springframework.beans.factory.annotation.Autowired;

/** A clinician screens, judges, consents and randomises through the screens, as they would in the clinic. */
class TrialOperationsUiTests extends UiTest {

    @Autowired
    ScreeningService screening;
    @Autowired
    StudyService studies;
    @Autowired
    org.researchportal.participants.ParticipantService participantService;
    @Autowired
    ConsentService consents;
    @Autowired
    TrialDocumentService documents;

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

    /** The lists are searched by number and filtered by status and arm; names are sealed, so not searched. */
    @Test
    void theScreeningLogAndTheParticipantListAreSearchedAndFiltered() {
        signInToUi("lakeside.clinician");
        UI.getCurrent().navigate("screening");
        @SuppressWarnings("unchecked")
        Grid<Object> log = _get(Grid.class);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search by number")), "l03");
        assertThat(allCells(log)).contains("Casey Demo").doesNotContain("Alex Sample", "Jordan Example");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search by number")), "");
        @SuppressWarnings("unchecked")
        Select<ParticipantStatus> status = _get(Select.class, spec -> spec.withLabel("Status"));
        _setValue(status, ParticipantStatus.WITHDRAWN);
        assertThat(allCells(log)).contains("Morgan Placeholder").doesNotContain("Alex Sample", "Casey Demo");

        UI.getCurrent().navigate("clinician");
        @SuppressWarnings("unchecked")
        Grid<Object> list = _get(Grid.class, spec -> spec.withClasses("participant-list"));
        @SuppressWarnings("unchecked")
        Select<Arm> arm = _get(Select.class, spec -> spec.withLabel("Arm"));
        _setValue(arm, arm.getListDataView().getItems().filter(a -> a.code().equals("USUAL")).findFirst()
                .orElseThrow());
        assertThat(allCells(list)).contains("Jordan Example", "Morgan Placeholder")
                .doesNotContain("Alex Sample", "Casey Demo");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search by number")), "no such number");
        assertThat(allCells(list)).isEmpty();
    }

    /** Why a candidate failed screening reads as the study's criterion, not its code. */
    @Test
    void theScreeningLogNamesFailedCriteriaInTheStudysWords() {
        signInToUi("fudan.clinician");
        UI.getCurrent().navigate("screening");
        @SuppressWarnings("unchecked")
        Select<ParticipantStatus> status = _get(Select.class, spec -> spec.withLabel("Status"));
        _setValue(status, ParticipantStatus.NOT_ELIGIBLE);
        List<String> cells = allCells(_get(Grid.class));
        assertThat(cells).contains("Wu Pretend").noneMatch(cell -> cell.matches("([IE]\\d+)(, [IE]\\d+)*"));
        assertThat(String.join("|", cells)).containsAnyOf("Bone mineral density T-score below -2.5",
                "BPI", "risk factor");
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

        // Nothing is filled in for the clinician: recording untouched consent is refused at every field.
        @SuppressWarnings("unchecked")
        ComboBox<String> version = _get(ComboBox.class, spec -> spec.withLabel("Consent document version"));
        assertThat(version.getValue()).isNull();
        _click(_get(Button.class, spec -> spec.withText("Record consent")));
        assertThat(version.isInvalid()).isTrue();
        DatePicker signed = _get(DatePicker.class, spec -> spec.withLabel("Date signed"));
        assertThat(signed.isInvalid()).isTrue();
        assertThat(signed.getErrorMessage()).isEqualTo("Enter the date the consent form was signed.");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> sms = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("Agrees to be contacted by SMS"));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> email = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("Agrees to be contacted by email"));
        assertThat(sms.isInvalid()).isTrue();
        assertThat(email.isInvalid()).isTrue();
        assertThat(viewText()).doesNotContain("Contact by SMS:");

        // The version signed is offered from the study's consent forms (the demo seeds one).
        String form = version.getListDataView().getItem(0);
        assertThat(form).startsWith("STRIDE-K consent form v");
        _setValue(version, form);
        _setValue(signed, LocalDate.now());
        _setValue(sms, true);
        _setValue(email, false);
        _click(_get(Button.class, spec -> spec.withText("Record consent")));
        assertThat(viewText()).contains("Consent document version " + form, "Contact by SMS: Yes.",
                "Contact by email: No.");

        @SuppressWarnings("unchecked")
        Select<String> age = _get(Select.class, spec -> spec.withLabel("Age group"));
        _setValue(age, "65-plus");
        // Randomising is final: it asks first, naming the candidate; cancelling randomises nobody.
        _click(_get(Button.class, spec -> spec.withText("Enrol and randomise")));
        Dialog confirm = _get(Dialog.class, spec -> spec.withClasses("randomise-confirm"));
        assertThat(confirm.getHeaderTitle()).startsWith("Enrol and randomise S-");
        assertThat(confirm.getElement().getTextRecursively()).contains("Walks Again", "cannot be undone");
        _click(_get(Button.class, spec -> spec.withText("Cancel")));
        assertThat(viewText()).doesNotContain("Allocated to").contains("Eligible");
        _click(_get(Button.class, spec -> spec.withText("Enrol and randomise")));
        _click(_get(Button.class, spec -> spec.withText("Yes, enrol and randomise")));
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

    @Test
    void consentIsCorrectedWithAReasonAndRenewedOnANewVersion() {
        String id = lakesideCandidate("Signs Twice");
        String form = consentForm();
        consents.recordConsent(id, form, LocalDate.now(), true, true);
        UI.getCurrent().navigate("participants/" + id);

        _click(_get(Button.class, spec -> spec.withText("Correct consent")));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> email = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("Agrees to be contacted by email"));
        assertThat(email.getValue()).as("a correction starts from what is recorded").isTrue();
        _setValue(email, false);
        _click(_get(Button.class, spec -> spec.withText("Save the correction")));
        TextArea reason = _get(TextArea.class, spec -> spec.withLabel("Reason for the change"));
        assertThat(reason.isInvalid()).isTrue();
        _setValue(reason, "Email answer taken down wrongly");
        _click(_get(Button.class, spec -> spec.withText("Save the correction")));
        assertThat(viewText()).contains("Contact by email: No.");

        _click(_get(Button.class, spec -> spec.withText("Re-consent on a new form version")));
        @SuppressWarnings("unchecked")
        ComboBox<String> version = _get(ComboBox.class, spec -> spec.withLabel("Consent document version"));
        assertThat(version.getValue()).as("a re-consent is answered afresh").isNull();
        _setValue(version, form);
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("Date signed")), LocalDate.now());
        _find(RadioButtonGroup.class).forEach(g -> {
            @SuppressWarnings("unchecked")
            RadioButtonGroup<Boolean> answer = (RadioButtonGroup<Boolean>) g;
            _setValue(answer, true);
        });
        _click(_get(Button.class, spec -> spec.withText("Record re-consent")));
        assertThat(version.getErrorMessage()).contains("new version of the form");
    }

    private String consentForm() {
        return documents.consentForms(studies.studies().getFirst().id()).getFirst().label();
    }

    @Test
    void anEnrolledRecordBroughtInWithoutAnEligibilityJudgementSaysSoInsteadOfAnUndecidedChecklist() {
        signInToUi("fudan.clinician");
        String study = studies.studies().getFirst().id();
        String imported = participantService.participants(study, org.springframework.data.domain.Pageable.unpaged())
                .stream().filter(p -> "RE-MS-001".equals(p.studyNumber())).findFirst().orElseThrow().id();
        UI.getCurrent().navigate("participants/" + imported);
        assertThat(viewText()).contains("No eligibility judgement was recorded in the portal")
                .doesNotContain("Not yet decided");
    }
}
