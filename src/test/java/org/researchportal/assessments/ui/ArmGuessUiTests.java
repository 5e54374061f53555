package org.researchportal.assessments.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.ArmGuessRecord;
import org.researchportal.assessments.ArmGuesses;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/** The assessor's guess of the group on the visit page, once a follow-up visit is assessed. */
class ArmGuessUiTests extends UiTest {

    @Autowired
    AssessmentService assessments;
    @Autowired
    ArmGuesses guesses;
    @Autowired
    StudyService studies;
    @Autowired
    ParticipantService participants;

    /** A lakeside participant of this test's own, enrolled 56 days ago (week 8 due today). */
    private String ownParticipant() {
        LocalDate enrolled = LocalDate.now().minusDays(56);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        return asSystem("lakeside", Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                new ParticipantImport(studies.studies().getFirst().id(), "GU-" + suffix, "GU-" + suffix,
                        "Guess Test " + suffix, ParticipantStatus.ENROLLED, "USUAL", enrolled.minusDays(3), enrolled,
                        null, null, null, "en", "Europe/London", null, null, null, null)));
    }

    @Test
    void theGuessIsOfferedAfterAFollowUpAssessmentAndSavedThenCorrectedWithAReason() {
        String id = ownParticipant();
        signInToUi("lakeside.assessor");
        UI.getCurrent().navigate("assess/" + id + "/week_8");
        assertThat(_find(ArmGuessForm.class)).as("nothing assessed yet").isEmpty();
        assessments.record(id, "week_8", "stiffness", LocalDate.now(), Map.of("stiffness", "3", "morning_minutes",
                "10"), null);
        UI.getCurrent().navigate("assessments");
        UI.getCurrent().navigate("assess/" + id + "/week_8");
        ArmGuessForm form = _get(ArmGuessForm.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> guess = _get(form, RadioButtonGroup.class);
        assertThat(guess.getLabel()).isEqualTo("Which group do you think this participant is in?");
        assertThat(guess.getListDataView().getItems().map(guess.getItemLabelGenerator()).toList())
                .containsExactly("Supervised walking", "Usual care", "Don't know");
        Button save = _get(form, Button.class, spec -> spec.withText("Save the guess"));
        _click(save);
        assertThat(guess.isInvalid()).isTrue();
        assertThat(guesses.guessOf(id, "week_8")).isEmpty();

        _setValue(guess, ArmGuessRecord.DONT_KNOW);
        _click(save);
        assertThat(guesses.guessOf(id, "week_8")).get().extracting(ArmGuessRecord::guess)
                .isEqualTo(ArmGuessRecord.DONT_KNOW);
        // Nothing on the page says whether it was right.
        assertThat(form.getElement().getTextRecursively()).contains("Your guess is recorded")
                .doesNotContain("correct", "right", "wrong");

        TextField reason = _get(form, TextField.class, spec -> spec.withLabel("Reason for changing your guess"));
        _setValue(guess, "SUPERVISED");
        _click(save);
        assertThat(reason.isInvalid()).isTrue();
        assertThat(guesses.guessOf(id, "week_8")).get().extracting(ArmGuessRecord::guess)
                .isEqualTo(ArmGuessRecord.DONT_KNOW);
        _setValue(reason, "Ticked the wrong answer");
        _click(save);
        assertThat(guesses.guessOf(id, "week_8")).get().extracting(ArmGuessRecord::guess).isEqualTo("SUPERVISED");
    }

    @Test
    void noGuessIsAskedAtBaseline() {
        String id = ownParticipant();
        signInToUi("lakeside.assessor");
        assessments.record(id, "baseline", "stiffness", LocalDate.now().minusDays(56), Map.of("stiffness", "3",
                "morning_minutes", "10"), null);
        UI.getCurrent().navigate("assess/" + id + "/baseline");
        assertThat(_find(ArmGuessForm.class)).isEmpty();
    }
}
