package org.researchportal.participants.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.CareTeamService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ProgrammeParticipants;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/**
 * A team that starts from nothing gives a randomised participant a therapist, a coordinator and a phone account in the
 * screens, and the participant then reaches the therapist's caseload and their own "My study".
 */
class CareTeamUiTests extends UiTest {

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
    ProgrammeParticipants programmeParticipants;
    @Autowired
    CareTeamService careTeam;

    @Test
    @SuppressWarnings("unchecked")
    void aRandomisedParticipantGetsATherapistACoordinatorAndTheirPhoneAccount() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        String clinician = trial.account(accounts, "clin", "Clara Clinician", PortalRole.CLINICIAN);
        String therapist = trial.account(accounts, "ther", "Theo Therapist", PortalRole.THERAPIST);
        trial.account(accounts, "coor", "Cora Coordinator", PortalRole.COORDINATOR);
        String participantAccount = trial.account(accounts, "part", "Pat Participant", PortalRole.PARTICIPANT);

        // Before a clinician links the account, the participant is told so, not that their group has no programme.
        signInToUi(participantAccount);
        UI.getCurrent().navigate("my-exercises");
        assertThat(viewText()).contains("not linked to a study record").doesNotContain("standard guidance");

        signInToUi(clinician);
        String id = trial.randomised(screening, consent, randomisation, TrialFixture.candidate("Pat Participant"));

        UI.getCurrent().navigate("participants/" + id);
        assertThat(viewText()).contains("Care team", "No phone account yet");
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Therapist")), row(PortalRole.THERAPIST));
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Coordinator")), row(PortalRole.COORDINATOR));
        _click(_get(Button.class, spec -> spec.withText("Save the care team")));
        ComboBox<AccountRow> existing = _get(ComboBox.class, spec -> spec.withLabel("Existing participant account"));
        assertThat(existing.getListDataView().getItems().map(AccountRow::username)).containsExactly(
                participantAccount);
        AccountRow linked = existing.getListDataView().getItem(0);
        _setValue(existing, linked);
        _click(_get(Button.class, spec -> spec.withText("Link the account")));
        assertThat(viewText()).contains("Signs in as " + participantAccount);
        List<String> trail = allCells(_get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withClasses("audit-grid")));
        assertThat(trail).anyMatch(cell -> cell.contains("Theo Therapist") && cell.contains("Cora Coordinator"));

        // An account is one participant's: it cannot be linked twice, nor a therapist given as coordinator.
        assertThatThrownBy(() -> careTeam.linkAccount(id, linked.id()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> careTeam.assign(id, null, row(PortalRole.THERAPIST).id()))
                .isInstanceOf(ValidationException.class);

        signInToUi(therapist);
        assertThat(participants.therapistCaseload(Pageable.unpaged()).map(r -> r.id()).toList()).containsExactly(id);

        signInToUi(participantAccount);
        assertThat(programmeParticipants.me()).hasValueSatisfying(me -> assertThat(me.id()).isEqualTo(id));
        UI.getCurrent().navigate("my-exercises");
        assertThat(viewText()).doesNotContain("not linked to a study record");
    }

    private AccountRow row(PortalRole role) {
        List<AccountRow> holders = accounts.accountsWithRole(role);
        return holders.getFirst();
    }
}
