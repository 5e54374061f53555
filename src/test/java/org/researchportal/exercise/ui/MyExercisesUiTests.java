package org.researchportal.exercise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.storage.DatabaseLink;
import org.researchportal.demo.DemoManual;
import org.researchportal.exercise.ParticipantProgramme;
import org.researchportal.exercise.SessionLogging;
import org.springframework.beans.factory.annotation.Autowired;

/** A participant of each arm on their phone: the exercise arm sees and logs its programme, the control arm reads. */
class MyExercisesUiTests extends UiTest {

    @Autowired
    ParticipantProgramme ownProgramme;
    @Autowired
    SessionLogging sessionLogging;
    @Autowired
    DatabaseLink database;

    @Test
    void aSessionSavedWhileTheDatabaseIsDownSaysSoKeepsWhatWasTypedAndSavesOnceItIsBack() {
        signInToUi("fudan.participant");
        UI.getCurrent().navigate("my-exercises");
        int before = ownProgramme.myHistory().size();
        // Yesterday's session, so that today stays as the other tests expect it (whichever runs first).
        _click(_find(Button.class).stream().filter(b -> b.getText().matches("Log (a|another) session")).findFirst()
                .orElseThrow());
        _get(DatePicker.class).setValue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1));
        _get(IntegerField.class, spec -> spec.withLabel("Minutes")).setValue(35);
        _get(IntegerField.class, spec -> spec.withLabel("How hard was it? (0-10)")).setValue(5);
        _get(IntegerField.class, spec -> spec.withLabel("Joint pain before (0-10)")).setValue(1);
        _get(IntegerField.class, spec -> spec.withLabel("Joint pain after (0-10)")).setValue(1);

        database.cut();
        try {
            // Vaadin hands what a click throws to the session's error handler; Karibu hands it to the test.
            assertThatThrownBy(() -> _click(_get(Button.class, spec -> spec.withText("Save")))).satisfies(
                    failure -> VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure)));
        } finally {
            database.restore();
        }
        assertThat(_find(Notification.class)).extracting(n -> n.getElement().getProperty("text"))
                .contains("Could not save: the portal cannot reach its database just now. What you entered is still"
                        + " here: please try again in a moment.");
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("Minutes")).getValue()).isEqualTo(35);
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("How hard was it? (0-10)")).getValue())
                .isEqualTo(5);
        assertThat(ownProgramme.myHistory()).as("nothing half-written").hasSize(before);

        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(ownProgramme.myHistory()).hasSize(before + 1);
        assertThat(_find(IntegerField.class, spec -> spec.withLabel("Minutes"))).as("the dialog closed").isEmpty();
    }

    @Test
    void aVideoLinkOpensThePageAtItsExercise() {
        signInToUi("fudan.participant");
        String code = DemoManual.exercises().get(2).code();
        UI.getCurrent().navigate("my-exercises", com.vaadin.flow.router.QueryParameters.of("exercise", code));
        var details = _find(Details.class);
        assertThat(details).filteredOn(Details::isOpened).hasSize(1);
        assertThat(details.stream().filter(Details::isOpened).findFirst().orElseThrow().getElement()
                .getTextRecursively())
                .contains(DemoManual.exercises().get(2).title().en());
    }

    @Test
    void theExerciseArmSeesTodaysExercisesInWordsAndLogsASession() {
        signInToUi("fudan.participant");
        UI.getCurrent().navigate("my-study");
        assertThat(_find(Anchor.class)).extracting(Anchor::getHref).contains("my-exercises", "guidance");
        UI.getCurrent().navigate("my-exercises");
        String text = viewText();
        assertThat(text).contains(DemoManual.exercises().getFirst().title().en())
                .contains("level 1").doesNotContain("re_ms_").doesNotContain("exercise.phase").doesNotContain(
                        "dosage.");
        assertThat(_find(Details.class)).hasSize(DemoManual.exercises().size());
        int before = ownProgramme.myHistory().size();

        _click(_get(Button.class, spec -> spec.withText("Log a session")));
        _get(IntegerField.class, spec -> spec.withLabel("Minutes")).setValue(40);
        _get(IntegerField.class, spec -> spec.withLabel("How hard was it? (0-10)")).setValue(11);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        IntegerField exertion = _get(IntegerField.class, spec -> spec.withLabel("How hard was it? (0-10)"));
        assertThat(exertion.isInvalid()).isTrue();
        assertThat(exertion.getErrorMessage()).isEqualTo("Choose a number from 0 to 10.");
        assertThat(ownProgramme.myHistory()).hasSize(before);

        exertion.setValue(4);
        _get(IntegerField.class, spec -> spec.withLabel("Joint pain before (0-10)")).setValue(2);
        _get(IntegerField.class, spec -> spec.withLabel("Joint pain after (0-10)")).setValue(3);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(ownProgramme.myHistory()).hasSize(before + 1);
        assertThat(viewText()).contains("You have logged a session today.").contains("40 min")
                .containsPattern("Against your plan: [1-9]\\d* of \\d+ sessions in the last 7 days");

        // The weekly check-in asks for a yes or no about the aromatase inhibitor before anything is sent.
        assertThat(sessionLogging.myCheckInDue()).isTrue();
        _get(IntegerField.class, spec -> spec.withLabel("Joint pain this week (0-10)")).setValue(3);
        _get(IntegerField.class, spec -> spec.withLabel("Joint stiffness this week (0-10)")).setValue(2);
        _click(_get(Button.class, spec -> spec.withText("Send check-in")));
        assertThat(sessionLogging.myCheckInDue()).isTrue();
        _get(RadioButtonGroup.class, spec -> spec.withLabel("Are you still taking your aromatase inhibitor?"))
                .setValue(true);
        _click(_get(Button.class, spec -> spec.withText("Send check-in")));
        assertThat(sessionLogging.myCheckInDue()).isFalse();
        assertThat(viewText()).doesNotContain("This week's check-in");

        UI.getCurrent().navigate("my-manual");
        assertThat(_find(Details.class)).hasSize(DemoManual.exercises().size());
        assertThat(viewText()).contains("Warm-up", "Functional exercise", "Cool-down");
    }

    @Test
    void theControlArmIsSentToTheGuidanceWhichItCanRead() {
        signInToUi("fudan.participant2");
        UI.getCurrent().navigate("my-exercises");
        assertThat(viewText()).contains("standard guidance")
                .doesNotContain(DemoManual.exercises().getFirst().title().en());
        UI.getCurrent().navigate("guidance");
        assertThat(_find(Details.class)).hasSize(DemoManual.guidance().size());
        assertThat(viewText()).contains(DemoManual.guidance().getFirst().title().en());
        UI.getCurrent().navigate("my-manual");
        assertThat(_find(Details.class)).isEmpty();
    }
}
