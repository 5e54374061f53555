package org.researchportal.quality;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;

/**
 * A fresh tenant whose study measures stiffness at baseline and week 6, with a monitor: what the verification and
 * locking tests work on, apart from the demo's data.
 */
public record SdvTrial(TrialFixture trial, String monitor) {

    public static final Map<String, String> STIFFNESS = Map.of("stiffness", "4", "morning_minutes", "20");

    public static SdvTrial create(TenantService tenants, StudyService studies, RandomisationService randomisation,
            AccountService accounts) {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns
                .reMsRandomisation(), 12);
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> studies
                .configureSchedule(trial.studyId(), List.of(new Timepoint("baseline", "Baseline", "基线", 0, 14, 3,
                        List.of("stiffness")), new Timepoint("week_6", "Week 6", "第6周", 42, 7, 7, List.of(
                                "stiffness")))));
        return new SdvTrial(trial, trial.account(accounts, "monitor", "Mona Monitor", PortalRole.MONITOR));
    }

    public String studyId() {
        return trial.studyId();
    }

    /** Screened, eligible, consented and randomised today, living in UTC as the tests' system actors do. */
    public String randomisedToday(ScreeningService screening, ConsentService consent,
            RandomisationService randomisation,
            String name) {
        return trial.asClinician(() -> trial.randomised(screening, consent, randomisation, new NewCandidate(name,
                LocalDate.now().minusDays(3), null, null, "en", "UTC", null)));
    }

    public AssessmentRecord stiffness(AssessmentService assessments, String participantId, String timepoint,
            Map<String, String> answers, String reason) {
        return asAssessor(() -> assessments.record(participantId, timepoint, "stiffness", LocalDate.now(), answers,
                reason));
    }

    public <T> T asAssessor(Supplier<T> work) {
        return SystemActor.callAs("test-assessor", trial.tenantId(), EnumSet.of(PortalRole.ASSESSOR), work);
    }

    public <T> T asAdmin(Supplier<T> work) {
        return SystemActor.callAs("test-admin", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), work);
    }
}
