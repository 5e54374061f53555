package org.researchportal.study;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A study a tenant runs: its registry record, arms and enrolment target, and how participants reach the team. */
@Document("studies")
public class Study extends TenantOwnedDocument {

    public static final int ACRONYM_MAX_LENGTH = 24;
    public static final int TITLE_MAX_LENGTH = 300;
    public static final int REGISTRY_ID_MAX_LENGTH = 40;
    public static final int CONTACT_MAX_LENGTH = 120;
    public static final int TARGET_MAX = 100_000;

    private String acronym;
    private String title;
    private @Nullable String registryId;
    private List<Arm> arms;
    private int targetEnrolment;
    private @Nullable String contactPhone;
    private @Nullable String contactEmail;
    private @Nullable EligibilityModel eligibility;
    private @Nullable RandomisationPlan randomisation;
    private @Nullable List<Timepoint> schedule;
    /** The account id of the clinician who leads the study at this institution and signs its data. */
    private @Nullable String principalInvestigator;
    /** Questionnaire invitations, reminders and the identity check; absent means the defaults. */
    private @Nullable QuestionnaireSettings questionnaires;

    Study(String acronym, String title, @Nullable String registryId, List<Arm> arms, int targetEnrolment,
            @Nullable String contactPhone, @Nullable String contactEmail) {
        this.acronym = acronym;
        this.title = title;
        this.registryId = registryId;
        this.arms = List.copyOf(arms);
        this.targetEnrolment = targetEnrolment;
        this.contactPhone = contactPhone;
        this.contactEmail = contactEmail;
    }

    public String getAcronym() {
        return acronym;
    }

    public String getTitle() {
        return title;
    }

    public @Nullable String getRegistryId() {
        return registryId;
    }

    public List<Arm> getArms() {
        return arms;
    }

    public Optional<Arm> arm(String code) {
        return arms.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public int getTargetEnrolment() {
        return targetEnrolment;
    }

    public @Nullable String getContactPhone() {
        return contactPhone;
    }

    public @Nullable String getContactEmail() {
        return contactEmail;
    }

    EligibilityModel getEligibility() {
        return eligibility == null ? EligibilityModel.NONE : eligibility;
    }

    void setEligibility(EligibilityModel eligibility) {
        this.eligibility = eligibility;
    }

    Optional<String> getPrincipalInvestigator() {
        return Optional.ofNullable(principalInvestigator);
    }

    void setPrincipalInvestigator(String accountId) {
        this.principalInvestigator = accountId;
    }

    Optional<RandomisationPlan> getRandomisation() {
        return Optional.ofNullable(randomisation);
    }

    void setRandomisation(RandomisationPlan randomisation) {
        this.randomisation = randomisation;
    }

    QuestionnaireSettings getQuestionnaires() {
        return questionnaires == null ? QuestionnaireSettings.DEFAULT : questionnaires;
    }

    void setQuestionnaires(QuestionnaireSettings questionnaires) {
        this.questionnaires = questionnaires;
    }

    List<Timepoint> getSchedule() {
        return schedule == null ? List.of() : schedule;
    }

    void setSchedule(List<Timepoint> schedule) {
        this.schedule = List.copyOf(schedule);
    }

    void apply(StudyRecord record) {
        this.acronym = record.acronym();
        this.title = record.title();
        this.registryId = record.registryId();
        this.arms = List.copyOf(record.arms());
        this.targetEnrolment = record.targetEnrolment();
        this.contactPhone = record.contactPhone();
        this.contactEmail = record.contactEmail();
    }

    StudyRecord toRecord() {
        return new StudyRecord(acronym, title, registryId, arms, targetEnrolment, contactPhone, contactEmail,
                getVersion());
    }
}
