package org.researchportal.participants.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.CareTeamService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.ParticipantService;
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
    CareTeamService careTeam;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    @SuppressWarnings("unchecked")
    void aRandomisedParticipantGetsATherapistACoordinatorAndTheirPhoneAccount() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        Map<PortalRole, String> people = SystemActor.callAs("test", trial.tenantId(),
                EnumSet.of(PortalRole.TENANT_ADMIN), () -> Map.of(
                        PortalRole.CLINICIAN, account("clin", "Clara Clinician", PortalRole.CLINICIAN),
                        PortalRole.THERAPIST, account("ther", "Theo Therapist", PortalRole.THERAPIST),
                        PortalRole.COORDINATOR, account("coor", "Cora Coordinator", PortalRole.COORDINATOR),
                        PortalRole.PARTICIPANT, account("part", "Pat Participant", PortalRole.PARTICIPANT)));

        // Before a clinician links the account, the participant is told so, not that their group has no programme.
        signInToUi("part-" + suffix);
        UI.getCurrent().navigate("my-exercises");
        assertThat(viewText()).contains("not linked to a study record").doesNotContain("standard guidance");

        signInToUi("clin-" + suffix);
        String id = screening.screen(trial.studyId(), new NewCandidate("Pat Participant", LocalDate.now().minusDays(3),
                null, null, "en", "Asia/Shanghai", null));
        screening.assessEligibility(id, TrialFixture.ELIGIBLE_MEASURES, TrialFixture.ELIGIBLE_ANSWERS, null);
        consent.recordConsent(id, "Consent form v2.1", LocalDate.now().minusDays(1), true, true);
        randomisation.randomise(id, Map.of());

        UI.getCurrent().navigate("participants/" + id);
        assertThat(viewText()).contains("Care team", "No phone account yet");
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Therapist")), row(PortalRole.THERAPIST));
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Coordinator")), row(PortalRole.COORDINATOR));
        _click(_get(Button.class, spec -> spec.withText("Save the care team")));
        ComboBox<AccountRow> existing = _get(ComboBox.class, spec -> spec.withLabel("Existing participant account"));
        assertThat(existing.getListDataView().getItems().map(AccountRow::id)).containsExactly(
                people.get(PortalRole.PARTICIPANT));
        _setValue(existing, existing.getListDataView().getItem(0));
        _click(_get(Button.class, spec -> spec.withText("Link the account")));
        assertThat(viewText()).contains("Signs in as part-" + suffix);
        List<String> trail = allCells(_get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withClasses("audit-grid")));
        assertThat(trail).anyMatch(cell -> cell.contains("Theo Therapist") && cell.contains("Cora Coordinator"));

        // An account is one participant's: it cannot be linked twice, nor a therapist given as coordinator.
        assertThatThrownBy(() -> careTeam.linkAccount(id, people.get(PortalRole.PARTICIPANT)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> careTeam.assign(id, null, people.get(PortalRole.THERAPIST)))
                .isInstanceOf(ValidationException.class);

        signInToUi("ther-" + suffix);
        assertThat(participants.therapistCaseload(Pageable.unpaged()).map(r -> r.id()).toList()).containsExactly(id);

        signInToUi("part-" + suffix);
        assertThat(participants.me()).hasValueSatisfying(me -> assertThat(me.id()).isEqualTo(id));
        UI.getCurrent().navigate("my-exercises");
        assertThat(viewText()).doesNotContain("not linked to a study record");
    }

    private String account(String prefix, String name, PortalRole role) {
        return accounts.create(new NewAccount(prefix + "-" + suffix, name, null, "en", Set.of(role), PASSWORD)).id();
    }

    private AccountRow row(PortalRole role) {
        List<AccountRow> holders = accounts.accountsWithRole(role);
        return holders.getFirst();
    }
}
