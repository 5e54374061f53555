package org.researchportal.exercise.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A team that starts from nothing: its therapist writes the study's first manual edition and a programme template in
 * the screens, and prescribes from it. Before, the manual page of a new tenant only said there was no manual (only
 * the demo seed published one), and the programme page of a manual without a template failed.
 */
class NewTeamManualUiTests extends UiTest {

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
    ParticipantService participants;
    @Autowired
    ExerciseManuals manuals;
    @Autowired
    Prescriptions prescriptions;

    @Test
    @SuppressWarnings("unchecked")
    void aNewTeamsTherapistWritesTheManualAndATemplateAndPrescribesInTheScreens() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        String clinician = trial.account(accounts, "clin", "Clara Clinician", PortalRole.CLINICIAN);
        String therapist = trial.account(accounts, "ther", "Theo Therapist", PortalRole.THERAPIST);

        signInToUi(clinician);
        String participant = trial.randomisedToExercise(screening, consent, randomisation, participants, "New Team");

        signInToUi(therapist);
        UI.getCurrent().navigate("manual");
        assertThat(viewText()).contains("TEST has no exercise manual yet");
        assertThat(_get(Button.class, spec -> spec.withText("Define a programme template")).isEnabled()).isFalse();

        _click(_get(Button.class, spec -> spec.withText("Add an exercise")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Code")), "shoulder_rolls");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title (English)")), "Shoulder rolls");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Purpose (English)")), "Loosens the shoulders");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Method, one step per line (English)")),
                "Sit tall\nRoll both shoulders backwards slowly");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Take care (English)")), "Keep the movement small");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Stop rule (English)")), "Stop if pain rises by 2");
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Sets")), 2);
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Repetitions")), 10);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Why this change")), "Our first exercise");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(manuals.manual(trial.studyId())).hasValueSatisfying(m -> {
            assertThat(m.getEdition()).isEqualTo(1);
            assertThat(m.getExercises()).extracting(ManualExercise::code).containsExactly("shoulder_rolls");
            assertThat(m.isDemoContent()).isFalse();
        });
        assertThat(viewText()).contains("edition 1", "No programme template yet");
        com.vaadin.flow.component.grid.Grid<ManualExercise> grid = _get(com.vaadin.flow.component.grid.Grid.class);
        assertThat(allCells(grid)).anyMatch(c -> c.contains("Shoulder rolls"));

        // Without a template the programme page says what is missing instead of failing.
        UI.getCurrent().navigate("programme/" + participant);
        assertThat(viewText()).contains("no programme template yet");

        UI.getCurrent().navigate("manual");
        _click(_get(Button.class, spec -> spec.withText("Define a programme template")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Code")), "home_basic");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name (English)")), "Basic home programme");
        MultiSelectComboBox<ManualExercise> chosen = _get(MultiSelectComboBox.class,
                spec -> spec.withLabel("Exercises"));
        _setValue(chosen, Set.copyOf(chosen.getListDataView().getItems().toList()));
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Days a week")), 3);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Why this change")), "A template to prescribe from");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(viewText()).contains("Basic home programme: 1 exercise(s), 3 day(s) a week");

        UI.getCurrent().navigate("programme/" + participant);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Reason")), "Start of the programme");
        _click(_get(Button.class, spec -> spec.withText("Prescribe a programme")));
        assertThat(prescriptions.programmeOf(participant)).hasValueSatisfying(p -> {
            assertThat(p.getTemplate()).isEqualTo("home_basic");
            assertThat(p.getManualEdition()).isEqualTo(2);
            assertThat(p.getItems()).singleElement().satisfies(item -> assertThat(item.exercise())
                    .isEqualTo("shoulder_rolls"));
        });
    }
}
