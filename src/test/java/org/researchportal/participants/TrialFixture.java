package org.researchportal.participants;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.RandomisationPlan;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;

/**
 * A fresh tenant with an RE-MS-like study (the demo's eligibility model and randomisation plan), so trial-operation
 * tests can screen and randomise without touching the shared demo data.
 */
public record TrialFixture(String tenantId, String studyId) {

    public static final Map<String, Double> ELIGIBLE_MEASURES = Map.of("bpi_worst", 5.0, "bmd_t_score", -1.0);
    public static final Map<String, Boolean> ELIGIBLE_ANSWERS = Map.of("I1", true, "I2", true, "I3", true, "I4", true,
            "I6", true, "E1", false, "E2", false, "E3", false, "E5", false);

    public static TrialFixture create(TenantService tenants, StudyService studies, RandomisationService randomisation,
            RandomisationPlan plan, int target) {
        TrialFixture trial = createWithoutSetUp(tenants, studies, randomisation, plan, target);
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN),
                () -> randomisation.setUp(trial.studyId()));
        return trial;
    }

    /** The same, with the randomisation plan configured but its sequence not yet made. */
    public static TrialFixture createWithoutSetUp(TenantService tenants, StudyService studies,
            RandomisationService randomisation, RandomisationPlan plan, int target) {
        String tenantId = "t" + UUID.randomUUID().toString().substring(0, 8);
        SystemActor.runAs("test", null, Set.of(PortalRole.PLATFORM_ADMIN),
                () -> tenants.create(tenantId, "Trial test " + tenantId, "Asia/Shanghai"));
        String studyId = SystemActor.callAs("test", tenantId, EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            var arms = List.of(new Arm("EXERCISE", "Exercise", ArmKind.INTERVENTION, "Home programme"),
                    new Arm("CONTROL", "Control", ArmKind.CONTROL, "Standard guidance"));
            String id = studies.create(new StudyRecord("TEST", "Trial operations test", null, arms, target, null,
                    null, null)).id();
            studies.configureEligibility(id, DemoStudyDesigns.reMsEligibility());
            studies.configureRandomisation(id, plan);
            return id;
        });
        return new TrialFixture(tenantId, studyId);
    }

    public <T> T asClinician(Supplier<T> work) {
        return SystemActor.callAs("test-clinician", tenantId, EnumSet.of(PortalRole.CLINICIAN), work);
    }

    public <T> T asCoordinator(Supplier<T> work) {
        return SystemActor.callAs("test-coordinator", tenantId, EnumSet.of(PortalRole.COORDINATOR), work);
    }

    public void doAsClinician(Runnable work) {
        SystemActor.runAs("test-clinician", tenantId, EnumSet.of(PortalRole.CLINICIAN), work);
    }

    /** Screens, judges eligible and consents a candidate; answers their id. */
    public String eligibleConsentedCandidate(ScreeningService screening, ConsentService consent, String name) {
        return asClinician(() -> {
            String id = screening.screen(studyId, new NewCandidate(name, LocalDate.now().minusDays(3), null, null,
                    "en", "Asia/Shanghai", null));
            screening.assessEligibility(id, ELIGIBLE_MEASURES, ELIGIBLE_ANSWERS, null);
            consent.recordConsent(id, "Consent form v2.1", LocalDate.now().minusDays(1), true, true);
            return id;
        });
    }
}
