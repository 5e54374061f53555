package org.researchportal.exercise;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The study's adherence rule: what counts as a session done and what makes a participant adherent. */
@Service
public class AdherenceRules {

    static final String ENTITY = "AdherenceRule";
    static final int REASON_MAX_LENGTH = 500;

    private final TenantDocuments documents;
    private final StudyService studies;
    private final AuditTrail audit;
    private final ClinicalRecordLocks locks;
    private final Clock clock;

    AdherenceRules(TenantDocuments documents, StudyService studies, AuditTrail audit, ClinicalRecordLocks locks,
            Clock clock) {
        this.documents = documents;
        this.studies = studies;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
    }

    /** The study's rule, or the default one when the team has set none. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.STATISTICIAN})
    public AdherenceRule rule(String studyId) {
        requireStudy(studyId);
        return ruleOf(studyId);
    }

    /**
     * Sets the study's rule, both thresholds in percent (1 to 100), with the reason: it decides who the report counts
     * as adherent, so it is audited and, like the data it judges, refused once the database is locked.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public AdherenceRule setRule(String studyId, int sessionPercent, int adherentPercent, String reason) {
        requireStudy(studyId);
        locks.requireStudyOpen(studyId);
        Map<String, String> errors = new HashMap<>();
        if (sessionPercent < 1 || sessionPercent > 100) {
            errors.put("sessionPercent", "adherence.rule.percent.invalid");
        }
        if (adherentPercent < 1 || adherentPercent > 100) {
            errors.put("adherentPercent", "adherence.rule.percent.invalid");
        }
        if (Inputs.isBlankOrLonger(reason, REASON_MAX_LENGTH)) {
            errors.put("reason", "change.reason.required");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        AdherenceRule before = ruleOf(studyId);
        AdherenceRule after = new AdherenceRule(sessionPercent, adherentPercent);
        documents.findAndModify(Query.query(Criteria.where("studyId").is(studyId)),
                new Update().set("sessionPercent", sessionPercent).set("adherentPercent", adherentPercent)
                        .set("setBy", CurrentUser.require().username()).set("setAt", clock.instant()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), StudyAdherenceRule.class);
        audit.record("adherence-rule.set", ENTITY, studyId, words(before), words(after), reason.trim());
        return after;
    }

    AdherenceRule ruleOf(String studyId) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId)), StudyAdherenceRule.class)
                .map(StudyAdherenceRule::toRule).orElse(AdherenceRule.DEFAULT);
    }

    private void requireStudy(String studyId) {
        if (studies.study(studyId).isEmpty()) {
            throw new NotFoundException("Study", studyId);
        }
    }

    /** The rule as the audit trail shows it, in words a person reads. */
    private static Map<String, String> words(AdherenceRule rule) {
        return Map.of("session done", "at least " + rule.sessionPercent() + "% of the day's prescribed exercises",
                "adherent", "at least " + rule.adherentPercent() + "% of the prescribed dose");
    }
}
