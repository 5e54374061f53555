package org.researchportal.quality.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.quality.RecordLocking;
import org.researchportal.quality.SdvTrial;
import org.researchportal.quality.SourceVerification;
import org.researchportal.quality.VerificationState;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monitor verifies and locks a form from its header; the assessor sees the mark on the entry form before typing,
 * and her change clears it, under the production security configuration (the listener runs inside her Vaadin
 * request, with her authority). The study's verification view shows the plan, progress and outstanding forms.
 */
class SourceVerificationUiTests extends UiTest {

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
    AssessmentService assessments;
    @Autowired
    SourceVerification verification;
    @Autowired
    FormMarkings markings;
    @Autowired
    RecordLocking locking;

    SdvTrial sdv;
    String participant;
    ClinicalForm baseline;

    @BeforeEach
    void aStudyWithAnEntry() {
        sdv = SdvTrial.create(tenants, studies, randomisation, accounts);
        participant = sdv.randomisedToday(screening, consent, randomisation, "Marked Form");
        sdv.stiffness(assessments, participant, "baseline", SdvTrial.STIFFNESS, null);
        baseline = ClinicalForm.instrument(sdv.studyId(), participant, "baseline", "stiffness");
    }

    @Test
    void aMonitorVerifiesInTheHeaderAndTheAssessorsChangeClearsItVisibly() {
        String assessor = sdv.trial().account(accounts, "assessor", "Asa Assessor", PortalRole.ASSESSOR);
        signInToUi(sdv.monitor());
        Div header = markOf(baseline);
        assertThat(header.getElement().getTextRecursively()).contains("Not verified against the source");
        _click(_get(header, Button.class, spec -> spec.withText("Verify")));
        assertThat(header.getElement().getTextRecursively()).contains("Verified by Mona Monitor");

        signInToUi(assessor);
        UI.getCurrent().navigate("assess/" + participant + "/baseline");
        assertThat(viewText()).contains("Verified by Mona Monitor");
        // The assessor reads the mark; verifying is the monitor's.
        assertThat(_find(Button.class, spec -> spec.withText("Verify"))).isEmpty();
        // Saved inside her request: the listener clears the mark with her authority, not a thread's.
        assessments.record(participant, "baseline", "stiffness", LocalDate.now(), Map.of("stiffness", "2",
                "morning_minutes", "20"), "The source says 2");
        UI.getCurrent().navigate("worklist");
        UI.getCurrent().navigate("assess/" + participant + "/baseline");
        assertThat(viewText()).contains("Verification cleared by a change on", "by Asa Assessor",
                "verified by Mona Monitor");

        signInToUi(sdv.monitor());
        assertThat(verification.markOf(baseline).orElseThrow().state()).isEqualTo(VerificationState.CLEARED);
        assertThat(verification.markOf(baseline).orElseThrow().clearedByName()).isEqualTo("Asa Assessor");
    }

    @Test
    void aMonitorLocksAFormAndUnlocksItOnlyWithAReason() {
        signInToUi(sdv.monitor());
        Div header = markOf(baseline);
        _click(_get(header, Button.class, spec -> spec.withText("Lock")));
        assertThat(header.getElement().getTextRecursively()).contains("Locked by Mona Monitor");

        _click(_get(header, Button.class, spec -> spec.withText("Unlock")));
        TextArea reason = _get(TextArea.class, spec -> spec.withLabel("Reason for unlocking"));
        _click(_get(Button.class, spec -> spec.withText("Unlock").withThemes("primary")));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Give the reason for unlocking (at most 500 characters).");
        _setValue(reason, "The site found a transcription error");
        _click(_get(Button.class, spec -> spec.withText("Unlock").withThemes("primary")));
        assertThat(header.getElement().getTextRecursively()).doesNotContain("Locked by");
    }

    @Test
    void theVerificationViewShowsThePlanProgressAndOutstandingForms() {
        signInToUi(sdv.monitor());
        UI.getCurrent().navigate("sdv");
        // Consent, eligibility; the stiffness entry is not primary and a 20% share may or may not draw it.
        assertThat(allCells(_get(Grid.class, spec -> spec.withClasses("sdv-outstanding")))).contains("Consent",
                "Eligibility");

        IntegerField share = _get(IntegerField.class, spec -> spec.withLabel("Share of the other forms (%)"));
        _setValue(share, 150);
        _click(_get(Button.class, spec -> spec.withText("Save plan")));
        assertThat(share.isInvalid()).isTrue();
        assertThat(share.getErrorMessage()).isEqualTo("Enter a share between 0 and 100 percent.");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> primary = _get(MultiSelectComboBox.class, spec -> spec.withLabel(
                "Primary outcome instruments"));
        _setValue(primary, Set.of("stiffness"));
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Share of the other forms (%)")), 0);
        _click(_get(Button.class, spec -> spec.withText("Save plan")));
        assertThat(allCells(_get(Grid.class, spec -> spec.withClasses("sdv-outstanding")))).contains("Consent",
                "Eligibility", "stiffness · Baseline");
        assertThat(viewText()).contains("Required forms with data", "0% verified");

        markOf(baseline);
        _click(_get(Button.class, spec -> spec.withText("Verify")));
        UI.getCurrent().navigate("monitor");
        UI.getCurrent().navigate("sdv");
        assertThat(viewText()).contains("33% verified");

        // The whole record is locked once the last visit is behind the participant, not before.
        _click((Button) _getCellComponent(participants(), 0, "lock"));
        assertThat(locking.locksOfStudy(sdv.studyId())).isEmpty();
        assertThat(_getCellComponent(participants(), 0, "lock")).isInstanceOf(Button.class);
        sdv.stiffness(assessments, participant, "week_6", SdvTrial.STIFFNESS, null);
        _click((Button) _getCellComponent(participants(), 0, "lock"));
        assertThat(locking.locksOfStudy(sdv.studyId())).singleElement().satisfies(l -> assertThat(l
                .wholeParticipant()).isTrue());
        assertThat(((Text) _getCellComponent(participants(), 0, "lock")).getText()).startsWith(
                "Participant locked by Mona Monitor");
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> participants() {
        return _get(Grid.class, spec -> spec.withClasses("sdv-participants"));
    }

    /** The form's header marks, shown as a page that hosts the form would show them. */
    private Div markOf(ClinicalForm form) {
        var header = new Div();
        header.addClassName("test-form-header");
        markings.forForm(form).forEach(header::add);
        UI.getCurrent().add(header);
        return header;
    }
}
