package org.researchportal.study;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The studies of the signed-in person's tenant: the study module's API. */
@Service
public class StudyService {

    static final String ENTITY = "Study";
    private static final String ARM_CODE_PATTERN = "[A-Z][A-Z0-9_]{0,23}";

    private final StudyRecords records;
    private final AuditTrail audit;
    private final ClinicalRecordLocks locks;

    private final AccountService accounts;

    StudyService(StudyRecords records, AuditTrail audit, ClinicalRecordLocks locks, AccountService accounts) {
        this.locks = locks;
        this.records = records;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** The tenant's studies, by acronym. Every role of the tenant may know which studies it runs. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.MONITOR,
            Authorities.STATISTICIAN, Authorities.THERAPIST, Authorities.COORDINATOR, Authorities.PARTICIPANT})
    public List<StudySummary> studies() {
        return records.summariesByAcronym();
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.MONITOR,
            Authorities.STATISTICIAN, Authorities.THERAPIST, Authorities.COORDINATOR, Authorities.PARTICIPANT})
    public Optional<StudySummary> study(String studyId) {
        return records.findSummary(studyId);
    }

    @Secured(Authorities.TENANT_ADMIN)
    public StudyRecord record(String studyId) {
        return records.study(studyId).toRecord();
    }

    @Secured(Authorities.TENANT_ADMIN)
    public StudySummary create(StudyRecord record) {
        validate(record, Set.of());
        Study study = records.add(new Study(record.acronym().trim(), record.title().trim(),
                Inputs.blankToNull(record.registryId()), record.arms(), record.targetEnrolment(),
                Inputs.blankToNull(record.contactPhone()), Inputs.blankToNull(record.contactEmail())));
        audit.record("study.created", ENTITY, study.requireId(), null, study.toRecord(), null);
        return StudySummary.of(study);
    }

    /**
     * Changes the study record. Arms may be renamed and added but not removed, since participants may already be
     * allocated to them. The record must carry the version it was read at: someone else's change in between is
     * refused ({@link OptimisticLockingFailureException}) rather than silently overwritten.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public StudySummary update(String studyId, StudyRecord record) {
        Study study = records.study(studyId);
        locks.requireStudyOpen(studyId);
        if (!Objects.equals(record.version(), study.getVersion())) {
            throw new OptimisticLockingFailureException("Study " + studyId + " changed since it was read");
        }
        Set<String> existingArms = new HashSet<>();
        study.getArms().forEach(a -> existingArms.add(a.code()));
        validate(record, existingArms);
        StudyRecord before = study.toRecord();
        study.apply(new StudyRecord(record.acronym().trim(), record.title().trim(),
                Inputs.blankToNull(record.registryId()), record.arms(), record.targetEnrolment(),
                Inputs.blankToNull(record.contactPhone()), Inputs.blankToNull(record.contactEmail()),
                record.version()));
        records.save(study);
        audit.record("study.updated", ENTITY, studyId, before, study.toRecord(), null);
        return StudySummary.of(study);
    }

    /** The study's screening measures and eligibility criteria (a monitor reads them to verify eligibility). */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.MONITOR})
    public EligibilityModel eligibilityModel(String studyId) {
        return records.study(studyId).getEligibility();
    }

    @Secured(Authorities.TENANT_ADMIN)
    public void configureEligibility(String studyId, EligibilityModel model) {
        Study study = records.study(studyId);
        locks.requireStudyOpen(studyId);
        StudyConfigurationCheck.eligibility(model);
        EligibilityModel before = study.getEligibility();
        study.setEligibility(model);
        records.save(study);
        audit.record("study.eligibility-configured", ENTITY, studyId, Map.of("eligibility", before),
                Map.of("eligibility", model), null);
    }

    /** How the study randomises, once set up. The plan holds no allocation: the sequence is sealed elsewhere. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public Optional<RandomisationPlan> randomisationPlan(String studyId) {
        return records.study(studyId).getRandomisation();
    }

    /** Sets the randomisation plan; it cannot change once participants have been randomised with it. */
    @Secured(Authorities.TENANT_ADMIN)
    public void configureRandomisation(String studyId, RandomisationPlan plan) {
        Study study = records.study(studyId);
        locks.requireStudyOpen(studyId);
        StudyConfigurationCheck.randomisation(plan, study.getArms());
        if (study.getRandomisation().isPresent() && !study.getRandomisation().get().equals(plan)) {
            throw ValidationException.of("randomisation", "study.randomisation.fixed");
        }
        study.setRandomisation(plan);
        records.save(study);
        audit.record("study.randomisation-configured", ENTITY, studyId, null, Map.of("plan", plan), null);
    }

    /** The account id of the study's principal investigator, the one clinician who signs its data; none until named. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.MONITOR})
    public Optional<String> principalInvestigator(String studyId) {
        return records.study(studyId).getPrincipalInvestigator();
    }

    /**
     * When participants are reminded of their questionnaires and how a questionnaire link checks who is answering.
     * Read by whoever plans the messages and by the link's check (the coordinator's authority), and by the
     * participant's own questionnaire pages.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR, Authorities.CLINICIAN, Authorities.PARTICIPANT})
    public QuestionnaireSettings questionnaireSettings(String studyId) {
        return records.study(studyId).getQuestionnaires();
    }

    /**
     * Sets the questionnaire reminders (distinct days after the window opens, 1 to
     * {@link QuestionnaireSettings#MAX_REMINDER_DAY}, at most {@link QuestionnaireSettings#MAX_REMINDERS}) and the
     * identity check.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public QuestionnaireSettings configureQuestionnaires(String studyId, QuestionnaireSettings settings) {
        Study study = records.study(studyId);
        List<Integer> days = settings.reminderDays();
        if (days.size() > QuestionnaireSettings.MAX_REMINDERS || days.stream().distinct().count() != days.size()
                || days.stream().anyMatch(d -> d == null || d < 1 || d > QuestionnaireSettings.MAX_REMINDER_DAY)) {
            throw ValidationException.of("reminderDays", "study.questionnaire-reminders.invalid");
        }
        QuestionnaireSettings sorted = new QuestionnaireSettings(days.stream().sorted().toList(),
                settings.identityCheck());
        QuestionnaireSettings before = study.getQuestionnaires();
        study.setQuestionnaires(sorted);
        records.save(study);
        audit.record("study.questionnaires-configured", ENTITY, studyId, Map.of("questionnaires", before),
                Map.of("questionnaires", sorted), null);
        return sorted;
    }

    /** Names the study's principal investigator: an active clinician of the tenant. */
    @Secured(Authorities.TENANT_ADMIN)
    public void appointPrincipalInvestigator(String studyId, String accountId) {
        Study study = records.study(studyId);
        if (!accounts.holdsRole(accountId, PortalRole.CLINICIAN)) {
            throw ValidationException.of("principalInvestigator", "study.principal-investigator.invalid");
        }
        String before = study.getPrincipalInvestigator().orElse(null);
        study.setPrincipalInvestigator(accountId);
        records.save(study);
        audit.record("study.principal-investigator-appointed", ENTITY, studyId,
                before == null ? null : Map.of("principalInvestigator", before),
                Map.of("principalInvestigator", accountId), null);
    }

    /**
     * The schedule of assessments: timepoints with their windows and instruments. The coordinator reads it for the
     * questionnaires' compliance, the participant for her own questionnaires; it is the same in every arm.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.MONITOR,
            Authorities.STATISTICIAN, Authorities.COORDINATOR, Authorities.PARTICIPANT})
    public List<Timepoint> schedule(String studyId) {
        return records.study(studyId).getSchedule();
    }

    @Secured(Authorities.TENANT_ADMIN)
    public void configureSchedule(String studyId, List<Timepoint> schedule) {
        Study study = records.study(studyId);
        locks.requireStudyOpen(studyId);
        StudyConfigurationCheck.schedule(schedule);
        List<Timepoint> before = study.getSchedule();
        study.setSchedule(schedule);
        records.save(study);
        audit.record("study.schedule-configured", ENTITY, studyId, Map.of("schedule", before),
                Map.of("schedule", schedule), null);
    }

    private static void validate(StudyRecord record, Set<String> armsThatMustStay) {
        Map<String, String> errors = new HashMap<>();
        if (Inputs.isBlankOrLonger(record.acronym(), Study.ACRONYM_MAX_LENGTH)) {
            errors.put("acronym", "study.acronym.invalid");
        }
        if (Inputs.isBlankOrLonger(record.title(), Study.TITLE_MAX_LENGTH)) {
            errors.put("title", "study.title.invalid");
        }
        String registryId = Inputs.blankToNull(record.registryId());
        if (registryId != null && registryId.length() > Study.REGISTRY_ID_MAX_LENGTH) {
            errors.put("registryId", "study.registry-id.invalid");
        }
        if (record.targetEnrolment() < 1 || record.targetEnrolment() > Study.TARGET_MAX) {
            errors.put("targetEnrolment", "study.target.invalid");
        }
        if (!Inputs.isOptionalPhone(record.contactPhone())) {
            errors.put("contactPhone", "study.contact-phone.invalid");
        }
        String email = Inputs.blankToNull(record.contactEmail());
        if (!Inputs.isOptionalEmail(email) || (email != null && email.length() > Study.CONTACT_MAX_LENGTH)) {
            errors.put("contactEmail", "study.contact-email.invalid");
        }
        validateArms(record.arms(), armsThatMustStay, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void validateArms(List<Arm> arms, Set<String> armsThatMustStay, Map<String, String> errors) {
        Set<String> codes = new HashSet<>();
        boolean valid = arms.size() >= 2;
        for (Arm arm : arms) {
            valid &= arm.code().matches(ARM_CODE_PATTERN) && codes.add(arm.code())
                    && !Inputs.isBlankOrLonger(arm.name(), Arm.NAME_MAX_LENGTH)
                    && (arm.nameZh() == null || arm.nameZh().length() <= Arm.NAME_MAX_LENGTH)
                    && arm.description().length() <= Arm.DESCRIPTION_MAX_LENGTH;
        }
        if (!valid) {
            errors.put("arms", "study.arms.invalid");
        } else if (!codes.containsAll(armsThatMustStay)) {
            errors.put("arms", "study.arms.cannot-remove");
        }
    }

}
