package org.researchportal.study.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.EditableRows;
import org.researchportal.identity.AccountRow;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/** The tenant administrator edits the study record; the service's checks show at the field; changes are audited. */
class StudyRecordViewUiTests extends UiTest {

    @Autowired
    StudyService studies;
    @Autowired
    AuditTrail audit;

    @Test
    void namesAnActiveClinicianThePrincipalInvestigatorWhoSigns() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/study");
        @SuppressWarnings("unchecked")
        ComboBox<AccountRow> picker = _get(ComboBox.class, spec -> spec.withLabel("Principal investigator"));
        AccountRow clinician = picker.getListDataView().getItems()
                .filter(a -> a.username().equals("lakeside.clinician")).findFirst().orElseThrow();
        assertThat(picker.getListDataView().getItems()).allMatch(a -> a.roles().contains(PortalRole.CLINICIAN));
        _setValue(picker, clinician);
        _click(_get(Button.class, spec -> spec.withText("Name as principal investigator")));
        expectNotifications("Study record saved.");

        var study = studies.studies().getFirst();
        assertThat(studies.principalInvestigator(study.id())).contains(clinician.id());
        assertThat(audit.history("Study", study.id()).getFirst().getAction())
                .isEqualTo("study.principal-investigator-appointed");
    }

    @Test
    void changesTheTargetEnrolmentAndRefusesAnImpossibleOne() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/study");
        IntegerField target = _get(IntegerField.class, spec -> spec.withLabel("Target enrolment"));
        assertThat(target.getValue()).isEqualTo(16);

        _setValue(target, 0);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(target.isInvalid()).isTrue();
        assertThat(target.getErrorMessage()).isEqualTo("Enter a target between 1 and 100,000.");

        _setValue(target, 20);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        expectNotifications("Study record saved.");
        assertThat(target.isInvalid()).isFalse();

        var study = studies.studies().getFirst();
        assertThat(study.targetEnrolment()).isEqualTo(20);
        var trail = audit.history("Study", study.id());
        assertThat(trail.getFirst().getAction()).isEqualTo("study.updated");
        assertThat(trail.getFirst().getActor()).isEqualTo("lakeside.admin");
        assertThat(trail.getFirst().getBefore()).containsEntry("targetEnrolment", 16);
        assertThat(trail.getFirst().getAfter()).containsEntry("targetEnrolment", 20);

        // Put the demo study back as it was for the other tests sharing this store.
        var record = studies.record(study.id());
        studies.update(study.id(), new org.researchportal.study.StudyRecord(record.acronym(), record.title(),
                record.registryId(), record.arms(), 16, record.contactPhone(), record.contactEmail(), record
                        .version()));
        assertThat(asSystem("lakeside", Set.of(PortalRole.TENANT_ADMIN), () -> studies.studies().getFirst())
                .targetEnrolment()).isEqualTo(16);
    }

    /**
     * The arms are edited with the same rows as the study's other lists: an arm already in the study stays (no remove
     * button), a new one can be taken away again, and the remove button keeps to its row instead of wrapping below.
     */
    @Test
    void onlyANewArmOffersRemoveAndTheButtonKeepsToItsRow() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/study");
        ArmsEditor arms = _get(ArmsEditor.class);
        assertThat(arms).isInstanceOf(EditableRows.class);
        assertThat(_find(arms, Button.class, spec -> spec.withText("Remove"))).isEmpty();

        _click(_get(arms, Button.class, spec -> spec.withText("Add an arm")));
        assertThat(arms.getArms()).hasSize(3);
        Button remove = _get(arms, Button.class, spec -> spec.withText("Remove"));
        var row = (HorizontalLayout) remove.getParent().orElseThrow();
        assertThat(row.isWrap()).as("the row keeps its remove button beside it").isFalse();
        assertThat(remove.getElement().getStyle().get("flex")).isEqualTo("none");

        _click(remove);
        assertThat(arms.getArms()).hasSize(2);
    }
}
