package org.researchportal.study.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.base.ui.EditableRows;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.CriterionRule.Combination;
import org.researchportal.study.CriterionRule.Operator;
import org.researchportal.study.EligibilityCriterion.Kind;
import org.researchportal.study.ScreeningMeasure.MeasureType;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A new institution's administrator sets the study up through the screens alone: the record and arms, RE-MS-style
 * eligibility with a computed "BPI worst >= 3 or a risk factor" criterion, a stratified randomisation plan and its
 * concealed sequence, a schedule of baseline and week 6 from the standard instruments the tenant came with. A clinician
 * can then screen, consent and randomise a candidate, and the assessor's worklist shows the baseline due.
 */
class StudySetUpUiTests extends UiTest {

    @Autowired
    TenantService tenants;
    @Autowired
    AccountService accounts;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    AssessmentService assessments;
    @Autowired
    AuditTrail audit;
    @Autowired
    MongoOperations mongo;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aNewTenantsAdministratorSetsUpTheStudyAndItRuns() {
        String tenantId = "s" + suffix;
        SystemActor.runAs("test", null, Set.of(PortalRole.PLATFORM_ADMIN),
                () -> tenants.create(tenantId, "Set-up test " + suffix, "Asia/Shanghai"));
        SystemActor.runAs("test", tenantId, EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            account("admin", PortalRole.TENANT_ADMIN);
            account("clin", PortalRole.CLINICIAN);
            account("assr", PortalRole.ASSESSOR);
        });

        signInToUi("admin-" + suffix);
        createTheStudy();
        StudySummary study = studies.studies().getFirst();
        assertThat(study.arms()).extracting(a -> a.code()).containsExactly("EXERCISE", "CONTROL");
        setTheEligibility();
        setUpRandomisation(study.id());
        setTheSchedule(study.id());
        assertThat(audit.history("Study", study.id())).extracting(AuditEvent::getAction).contains("study.created",
                "study.eligibility-configured", "study.randomisation-configured", "randomisation.set-up",
                "study.schedule-configured");
        assertThat(audit.history("Study", study.id())).allMatch(e -> e.getActor().equals("admin-" + suffix));

        // A clinician screens a candidate whose worst pain is 2 but who has low vitamin D: the rule includes them.
        signInToUi("clin-" + suffix);
        String id = screening.screen(study.id(), new NewCandidate("Wei Candidate", LocalDate.now().minusDays(2), null,
                null, "en", "Asia/Shanghai", null));
        var outcome = screening.assessEligibility(id, Map.of("bpi_worst", 2.0, "vitamin_d_low", 1.0),
                Map.of("I1", true, "E1", false), null);
        assertThat(outcome.eligible()).isTrue();
        consent.recordConsent(id, "Consent form v1.0", LocalDate.now(), true, true);
        randomisation.randomise(id, Map.of("age", "65-plus"));

        signInToUi("assr-" + suffix);
        List<DueAssessment> due = assessments.worklist(study.id());
        assertThat(due).filteredOn(d -> d.participantId().equals(id)).extracting(DueAssessment::timepoint)
                .contains("baseline");
        UI.getCurrent().navigate("assessments");
        assertThat(allCells(_get(Grid.class))).contains("Wei Candidate", "Baseline");
    }

    @Test
    void aSavedPlanIsSetUpOnlyAfterConfirmationAndThenOffersNothingToRedo() {
        TrialFixture trial = TrialFixture.createWithoutSetUp(tenants, studies, randomisation,
                DemoStudyDesigns.strideRandomisation().withRatio(Map.of("EXERCISE", 1, "CONTROL", 1)), 12);
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN),
                () -> account("admin", PortalRole.TENANT_ADMIN));
        signInToUi("admin-" + suffix);
        UI.getCurrent().navigate("admin/randomisation");
        assertThat(viewText()).contains("randomisation is not set up yet", "Stratified by Age group");
        // The plan is fixed once saved: it is shown, not offered for editing.
        assertThat(_find(IntegerField.class)).isEmpty();

        _click(_get(Button.class, spec -> spec.withText("Set up randomisation")));
        ConfirmDialog ask = _get(ConfirmDialog.class);
        assertThat(ask.getElement().getProperty("message")).contains("cannot be changed");
        ask.close();
        assertThat(randomisation.isSetUp(trial.studyId())).isFalse();

        _click(_get(Button.class, spec -> spec.withText("Set up randomisation")));
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(randomisation.isSetUp(trial.studyId())).isTrue();
        assertThat(viewText()).contains("Randomisation is set up");
        assertThat(_find(Button.class, spec -> spec.withText("Set up randomisation"))).isEmpty();
    }

    @Test
    void anInstitutionWithoutTheStandardInstrumentsIsOfferedThem() {
        TrialFixture trial = TrialFixture.createWithoutSetUp(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 12);
        mongo.remove(Query.query(Criteria.where("tenantId").is(trial.tenantId())), "instrument_versions");
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN),
                () -> account("admin", PortalRole.TENANT_ADMIN));
        signInToUi("admin-" + suffix);
        UI.getCurrent().navigate("admin/schedule");
        assertThat(viewText()).contains("no instruments yet");

        _click(_get(Button.class, spec -> spec.withText("Add the standard instruments")));
        expectNotifications("5 standard instruments added.");
        assertThat(_find(Button.class, spec -> spec.withText("Add the standard instruments"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withText("Add a timepoint")));
        assertThat(_get(com.vaadin.flow.component.combobox.MultiSelectComboBox.class,
                spec -> spec.withLabel("Instruments")).getValue()).hasSize(5);
    }

    private void createTheStudy() {
        UI.getCurrent().navigate("admin/study");
        assertThat(viewText()).contains("no study yet");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Acronym")), "NEW-MS");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Exercise for joint symptoms");
        _setValue(_get(IntegerField.class, spec -> spec.withLabel("Target enrolment")), 40);
        List<TextField> codes = _find(TextField.class, spec -> spec.withLabel("Code"));
        List<TextField> names = _find(TextField.class, spec -> spec.withLabel("Name"));
        _setValue(codes.get(0), "EXERCISE");
        _setValue(names.get(0), "Exercise");
        _setValue(codes.get(1), "CONTROL");
        _setValue(names.get(1), "Control");
        _click(_get(Button.class, spec -> spec.withText("Create the study")));
        expectNotifications("Study created.");
        assertThat(_get(Button.class, spec -> spec.withText("Save"))).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private void setTheEligibility() {
        UI.getCurrent().navigate("admin/eligibility");
        _click(_get(Button.class, spec -> spec.withText("Add a measure")));
        _click(_get(Button.class, spec -> spec.withText("Add a measure")));
        List<MeasureRow> measures = _find(MeasureRow.class);
        fill(measures.get(0), "bpi_worst", "BPI worst pain (0-10)");
        _setValue(_get(measures.get(0), NumberField.class, spec -> spec.withLabel("Lowest")), 0.0);
        _setValue(_get(measures.get(0), NumberField.class, spec -> spec.withLabel("Highest")), 10.0);
        fill(measures.get(1), "vitamin_d_low", "Low vitamin D");
        _setValue(_get(measures.get(1), Select.class, spec -> spec.withLabel("Type")), MeasureType.YES_NO);

        _click(_get(Button.class, spec -> spec.withText("Add a criterion")));
        _click(_get(Button.class, spec -> spec.withText("Add a criterion")));
        _click(_get(Button.class, spec -> spec.withText("Add a criterion")));
        List<CriterionRow> criteria = _find(CriterionRow.class);
        criterion(criteria.get(0), "I1", "Hormone receptor-positive breast cancer");
        criterion(criteria.get(1), "I5", "BPI >= 3 or a risk factor");
        criterion(criteria.get(2), "E1", "Distant metastasis");
        _setValue(_get(criteria.get(2), Select.class, spec -> spec.withLabel("Kind")), Kind.EXCLUSION);
        CriterionRow computed = criteria.get(1);
        _setValue(_get(computed, Select.class, spec -> spec.withLabel("Judged by")), Combination.ANY);
        _click(_get(computed, Button.class, spec -> spec.withText("Add a condition")));
        _click(_get(computed, Button.class, spec -> spec.withText("Add a condition")));
        List<ConditionRow> conditions = _find(computed, ConditionRow.class);
        // A mistyped measure code is refused at the criteria, and nothing is stored.
        condition(conditions.get(0), "bpi_worse", Operator.AT_LEAST, 3.0);
        condition(conditions.get(1), "vitamin_d_low", Operator.EQUALS, 1.0);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_find(EditableRows.class)).filteredOn(EditableRows::isInvalid).extracting(
                EditableRows::getErrorMessage).containsExactly("A condition names a measure that is not among the "
                        + "screening measures, or has no operator.");
        assertThat(studies.eligibilityModel(studies.studies().getFirst().id()).criteria()).isEmpty();

        _setValue(_get(conditions.get(0), TextField.class, spec -> spec.withLabel("Measure code")), "bpi_worst");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        expectNotifications("Eligibility criteria saved.");
        assertThat(_find(EditableRows.class)).noneMatch(EditableRows::isInvalid);
    }

    private void setUpRandomisation(String studyId) {
        UI.getCurrent().navigate("admin/randomisation");
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("Share of Exercise")).getValue()).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withText("Add a factor")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Code")), "age");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Label")), "Age group");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Label in Chinese")), "年龄组");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Levels")), "under-65, 65-plus");
        _click(_get(Button.class, spec -> spec.withText("Save the plan and set up randomisation")));
        assertThat(randomisation.isSetUp(studyId)).isFalse();
        _fireConfirm(_get(ConfirmDialog.class));
        expectNotifications("Randomisation is set up.");
        assertThat(randomisation.isSetUp(studyId)).isTrue();
        assertThat(viewText()).contains("Randomisation is set up", "Stratified by Age group: under-65, 65-plus");
        assertThat(_find(Button.class, spec -> spec.withText("Set up randomisation"))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void setTheSchedule(String studyId) {
        UI.getCurrent().navigate("admin/schedule");
        _click(_get(Button.class, spec -> spec.withText("Add a timepoint")));
        _click(_get(Button.class, spec -> spec.withText("Add a timepoint")));
        List<TextField> codes = _find(TextField.class, spec -> spec.withLabel("Code"));
        List<TextField> labels = _find(TextField.class, spec -> spec.withLabel("Label"));
        List<IntegerField> days = _find(IntegerField.class, spec -> spec.withLabel("Day after enrolment"));
        _setValue(codes.get(0), "baseline");
        _setValue(labels.get(0), "Baseline");
        _setValue(_find(IntegerField.class, spec -> spec.withLabel("Days before")).get(0), 14);
        _setValue(codes.get(1), "week_6");
        _setValue(labels.get(1), "Week 6");
        _setValue(days.get(1), 42);
        var instruments = _find(com.vaadin.flow.component.combobox.MultiSelectComboBox.class,
                spec -> spec.withLabel("Instruments"));
        assertThat(instruments.get(0).getValue()).hasSize(5);
        _setValue(instruments.get(1), Set.of("bpi_sf", "qol_demo"));
        // Who completes each: the participant her quality of life at week 6, the assessor the rest.
        var byParticipant = _find(com.vaadin.flow.component.combobox.MultiSelectComboBox.class,
                spec -> spec.withLabel("Completed by the participant"));
        assertThat(byParticipant.get(1).getListDataView().getItems().toList()).containsExactly("bpi_sf", "qol_demo");
        _setValue(byParticipant.get(1), Set.of("qol_demo"));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        expectNotifications("Schedule of assessments saved.");
        var schedule = studies.schedule(studyId);
        assertThat(schedule).extracting(t -> t.code()).contains("baseline");
        // In the order the tenant got them: the standard instruments as their data dictionary lists them.
        assertThat(schedule.get(0).instruments()).containsExactly("bpi_sf", "stiffness", "grip", "ai_adherence",
                "qol_demo");
        assertThat(schedule.get(1).instruments()).containsExactly("bpi_sf", "qol_demo");
        assertThat(schedule.get(1).completedByParticipant()).containsExactly("qol_demo");
        assertThat(schedule.get(0).completedByParticipant()).isEmpty();
        assertThat(schedule.get(0).windowBefore()).isEqualTo(14);
    }

    private static void fill(Component row, String code, String label) {
        _setValue(_get(row, TextField.class, spec -> spec.withLabel("Code")), code);
        _setValue(_get(row, TextField.class, spec -> spec.withLabel("Label")), label);
    }

    private static void criterion(CriterionRow row, String code, String text) {
        _setValue(_get(row, TextField.class, spec -> spec.withLabel("Code")), code);
        _setValue(_get(row, TextField.class, spec -> spec.withLabel("Criterion")), text);
    }

    @SuppressWarnings("unchecked")
    private static void condition(ConditionRow row, String measure, Operator operator, double threshold) {
        _setValue(_get(row, TextField.class, spec -> spec.withLabel("Measure code")), measure);
        _setValue(_get(row, Select.class, spec -> spec.withLabel("Is")), operator);
        _setValue(_get(row, NumberField.class, spec -> spec.withLabel("Value")), threshold);
    }

    private void account(String prefix, PortalRole role) {
        accounts.create(new NewAccount(prefix + "-" + suffix, prefix + " " + suffix, null, "en", Set.of(role),
                PASSWORD));
    }
}
