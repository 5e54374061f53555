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
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.EditableRows;
import org.researchportal.identity.AccountRow;
import org.researchportal.study.QuestionnaireSettings;
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

    /**
     * The administrator sets the questionnaire reminder days and the identity check in the study's "Questionnaires"
     * section: a day that is no number, or one out of range, shows at the field; a good one is saved and audited.
     */
    @Test
    void setsTheQuestionnaireRemindersAndIdentityCheckWithErrorsAtTheField() {
        signInToUi("lakeside.admin");
        var study = studies.studies().getFirst();
        QuestionnaireSettings before = studies.questionnaireSettings(study.id());
        try {
            UI.getCurrent().navigate("admin/study");
            TextField days = _get(TextField.class, spec -> spec.withLabel("Reminder days"));
            assertThat(days.getValue()).isEqualTo("2, 5");
            assertThat(days.getHelperText()).isEqualTo("Days after the window opens, separated by commas, e.g. 2, 5");
            @SuppressWarnings("unchecked")
            RadioButtonGroup<QuestionnaireSettings.IdentityCheck> check = _get(RadioButtonGroup.class, spec -> spec
                    .withLabel("Before a questionnaire opens from a link, ask for"));
            assertThat(check.getItemLabelGenerator().apply(QuestionnaireSettings.IdentityCheck.SMS_CODE))
                    .isEqualTo("A code sent to her phone by SMS");
            Button save = _get(Button.class, spec -> spec.withText("Save questionnaire settings"));

            _setValue(days, "2, soon");
            _click(save);
            assertThat(days.isInvalid()).isTrue();
            assertThat(days.getErrorMessage()).isEqualTo(
                    "Give at most 5 different days, each from 1 to 60 days after the window opens.");
            _setValue(days, "2, 90");
            _click(save);
            assertThat(days.isInvalid()).isTrue();
            assertThat(studies.questionnaireSettings(study.id())).isEqualTo(before);

            _setValue(days, "4，1");
            _setValue(check, QuestionnaireSettings.IdentityCheck.BIRTH_YEAR);
            _click(save);
            expectNotifications("Study record saved.");
            assertThat(days.isInvalid()).isFalse();
            assertThat(days.getValue()).isEqualTo("1, 4");
            assertThat(studies.questionnaireSettings(study.id())).isEqualTo(new QuestionnaireSettings(List.of(1, 4),
                    QuestionnaireSettings.IdentityCheck.BIRTH_YEAR));
            assertThat(audit.history("Study", study.id()).getFirst().getAction()).isEqualTo(
                    "study.questionnaires-configured");
        } finally {
            studies.configureQuestionnaires(study.id(), before);
        }
    }

    @Test
    void theQuestionnairesSectionSpeaksChinese() {
        signInToUi("lakeside.admin");
        UI.getCurrent().setLocale(PortalLocales.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("admin/study");
        TextField days = _get(TextField.class, spec -> spec.withLabel("提醒天数"));
        assertThat(days.getHelperText()).isEqualTo("窗口开放后的第几天，用逗号分隔，例如 2, 5");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<QuestionnaireSettings.IdentityCheck> check = _get(RadioButtonGroup.class, spec -> spec
                .withLabel("通过链接打开问卷前，核对"));
        assertThat(check.getItemLabelGenerator().apply(QuestionnaireSettings.IdentityCheck.BIRTH_YEAR)).isEqualTo(
                "她的出生年份");
        assertThat(_find(Button.class, spec -> spec.withText("保存问卷设置"))).hasSize(1);
        assertThat(_find(H2.class).stream().map(H2::getText)).contains("问卷");
    }
}
