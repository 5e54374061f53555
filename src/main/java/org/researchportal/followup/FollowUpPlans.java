package org.researchportal.followup;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Each study arm's follow-up plan and call script, part of the study's configuration. */
@Service
public class FollowUpPlans {

    private final TenantDocuments documents;
    private final FollowUpPlanRecords records;
    private final StudyService studies;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ClinicalRecordLocks locks;

    FollowUpPlans(TenantDocuments documents, FollowUpPlanRecords records, StudyService studies, AuditTrail audit,
            ApplicationEventPublisher events, ClinicalRecordLocks locks) {
        this.locks = locks;
        this.events = events;
        this.documents = documents;
        this.records = records;
        this.studies = studies;
        this.audit = audit;
    }

    /**
     * Sets (or replaces) an arm's plan. Calls already planned keep their dates; participants randomised from now on
     * get the new ones, and calls the old plan did not have are added at the next planning round.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public FollowUpPlan configure(String studyId, String armCode, FollowUpPlanSettings settings) {
        var study = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        locks.requireStudyOpen(study.id());
        if (study.arms().stream().noneMatch(a -> a.code().equals(armCode))) {
            throw ValidationException.of("armCode", "followup.plan.arm.invalid");
        }
        Map<String, String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Optional<FollowUpPlan> before = plan(studyId, armCode);
        // Two administrators saving at once: the second is told, rather than silently overwriting or failing.
        if (before.isPresent()) {
            if (!records.replaceSettings(before.get(), settings)) {
                throw ValidationException.of("plan", "followup.plan.changed-meanwhile");
            }
        } else {
            try {
                records.add(new FollowUpPlan(studyId, armCode, settings));
            } catch (DuplicateKeyException savedMeanwhile) {
                throw ValidationException.of("plan", "followup.plan.changed-meanwhile");
            }
        }
        FollowUpPlan after = plan(studyId, armCode).orElseThrow();
        audit.record("followup.plan-configured", "FollowUpPlan", after.requireId(),
                before.map(p -> Map.<String, Object>of("settings", p.getSettings())).orElse(null),
                Map.of("studyId", studyId, "armCode", armCode, "settings", settings), null);
        events.publishEvent(new FollowUpPlanChanged(documents.currentTenantId(), studyId, armCode));
        return after;
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.COORDINATOR, Authorities.CLINICIAN})
    public List<FollowUpPlan> plans(String studyId) {
        return records.plansOf(studyId);
    }

    Optional<FollowUpPlan> plan(String studyId, String armCode) {
        return records.plan(studyId, armCode);
    }
}
