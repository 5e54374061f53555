package org.researchportal.participants.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
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
 * The clinician records a participant's year of birth on her record (a questionnaire link may ask her for it): a
 * year out of range is said at the field, a good one is kept and shown again, in English and in Chinese.
 */
class BirthYearUiTests extends UiTest {

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

    @Test
    void theClinicianRecordsHerYearOfBirthOnTheRecord() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 8);
        String clinician = trial.account(accounts, "clin", "Clara Clinician", PortalRole.CLINICIAN);
        signInToUi(clinician);
        String id = trial.eligibleConsentedCandidate(screening, consent, "Born Then");

        UI.getCurrent().navigate("participants/" + id);
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Year of birth")), LocalDate.now().getYear() + 1);
        _click(_get(Button.class, spec -> spec.withText("Save year of birth")));
        IntegerField year = _get(IntegerField.class, spec -> spec.withLabel("Year of birth"));
        assertThat(year.isInvalid()).isTrue();
        assertThat(year.getErrorMessage()).isEqualTo("Give a year from 1900 to this year, or leave it empty.");

        _setValue(year, 1958);
        _click(_get(Button.class, spec -> spec.withText("Save year of birth")));
        assertThat(trial.asClinician(() -> participants.participantRecord(id)).birthYear()).isEqualTo(1958);
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("Year of birth")).getValue()).isEqualTo(1958);

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("participants/" + id);
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("出生年份")).getValue()).isEqualTo(1958);
        assertThat(viewText()).contains("保存出生年份").doesNotContain("Year of birth");
    }
}
