package org.researchportal.quality.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.identity.AccountService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * The investigator signs a timepoint on the participant's record: a wrong password is refused at its field, the right
 * one signs, and the signature shows with name, time and meaning; after a correction it shows struck through as
 * voided, with when and by whom.
 */
class SignaturesUiTests extends UiTest {

    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    AssessmentService assessments;
    @Autowired
    FormMarkings markings;

    private Div rowOf(String timepointLabel) {
        return _find(Div.class, spec -> spec.withClasses("signature-row")).stream()
                .filter(row -> _get(row, Span.class, spec -> spec.withClasses("signature-what")).getText()
                        .startsWith(timepointLabel + ":"))
                .findFirst().orElseThrow();
    }

    private static String text(Div row) {
        return row.getElement().getTextRecursively();
    }

    @Test
    void theInvestigatorSignsATimepointOnTheRecordAndACorrectionVoidsItVisibly() {
        signInToUi("fudan.admin");
        String study = studies.studies().getFirst().id();
        String lead = accounts.accounts(Pageable.unpaged()).stream().filter(a -> a.username().equals("fudan.lead"))
                .findFirst().orElseThrow().id();
        studies.appointPrincipalInvestigator(study, lead);
        signInToUi("fudan.assessor");
        String[] free = assessments.worklist(study).stream().map(DueAssessment::participantId).distinct()
                .flatMap(p -> java.util.stream.Stream.of("week_6", "week_12")
                        .filter(t -> assessments.find(p, t, "stiffness").isEmpty()).map(t -> new String[] {p, t}))
                .reduce((first, later) -> later).orElseThrow();
        String label = free[1].equals("week_6") ? "Week 6" : "Week 12";
        assessments.record(free[0], free[1], "stiffness", LocalDate.now(), Map.of("stiffness", "3",
                "morning_minutes", "10"), null);

        signInToUi("fudan.lead");
        UI.getCurrent().navigate("participants/" + free[0]);
        _click(_get(rowOf(label), Button.class, spec -> spec.withText("Sign")));
        assertThat(_get(SignDialog.class).getElement().getTextRecursively()).contains("Reviewed and approved");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Your username")), "fudan.lead");
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Your password"));
        _setValue(password, "not-the-password");
        _click(_get(Button.class, spec -> spec.withClasses("sign-confirm")));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).startsWith("Wrong password");
        assertThat(password.getValue()).isEmpty();

        _setValue(password, PASSWORD);
        _click(_get(Button.class, spec -> spec.withClasses("sign-confirm")));
        assertThat(_find(SignDialog.class)).isEmpty();
        assertThat(text(rowOf(label))).contains("Signed by Lead Investigator Demo on", "Reviewed and approved");
        assertThat(_find(rowOf(label), Button.class, spec -> spec.withText("Sign"))).isEmpty();
        // Every form that shows data-quality marks shows the signature in its header.
        var marks = markings.forForm(ClinicalForm.instrument(study, free[0], free[1], "stiffness"));
        assertThat(marks).filteredOn(SignatureLine.class::isInstance).singleElement().satisfies(mark -> assertThat(mark
                .getElement().getTextRecursively())
                .contains("Signed by Lead Investigator Demo on"));
        assertThat(markings.forForm(ClinicalForm.instrument(study, free[0], "baseline", "no_such_form")))
                .filteredOn(SignatureLine.class::isInstance).isEmpty();

        signInToUi("fudan.assessor");
        assessments.record(free[0], free[1], "stiffness", LocalDate.now(), Map.of("stiffness", "5",
                "morning_minutes", "10"), "Read from the wrong line");
        signInToUi("fudan.lead");
        UI.getCurrent().navigate("participants/" + free[0]);
        Div row = rowOf(label);
        assertThat(_get(row, Span.class, spec -> spec.withClasses("signature-signed")).getStyle()
                .get("text-decoration")).isEqualTo("line-through");
        assertThat(text(row)).contains("voided: data changed on", "by Assessor Demo", "Read from the wrong line");
        assertThat(_find(row, Button.class, spec -> spec.withText("Sign"))).hasSize(1);
    }
}
