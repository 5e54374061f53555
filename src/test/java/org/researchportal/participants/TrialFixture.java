package org.researchportal.participants;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.followup.CallQuestion;
import org.researchportal.followup.CallScript;
import org.researchportal.followup.FollowUpPlanSettings;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.RandomisationPlan;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.data.domain.PageRequest;

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
        return asClinician(() -> eligibleConsented(screening, consent, candidate(name)));
    }

    /** A candidate screened three days ago, reached by the phone and email given (either may be null). */
    public static NewCandidate candidate(String name, @Nullable String phone, @Nullable String email) {
        return new NewCandidate(name, LocalDate.now().minusDays(3), phone, email, "en", "Asia/Shanghai", null);
    }

    public static NewCandidate candidate(String name) {
        return candidate(name, null, null);
    }

    /**
     * Screens, judges eligible, consents (SMS and email yes) and randomises a candidate as whoever is signed in: a
     * person signed in to the screens, or {@link #asClinician}. Answers their id.
     */
    public String randomised(ScreeningService screening, ConsentService consent, RandomisationService randomisation,
            NewCandidate candidate) {
        String id = eligibleConsented(screening, consent, candidate);
        randomisation.randomise(id, Map.of());
        return id;
    }

    /** Randomises candidates as whoever is signed in until one is in the exercise arm; answers that one's id. */
    public String randomisedToExercise(ScreeningService screening, ConsentService consent,
            RandomisationService randomisation, ParticipantService participants, String name) {
        // Permuted blocks of at most 6 put someone in the exercise arm within a few.
        for (int i = 0; i < 8; i++) {
            String id = randomised(screening, consent, randomisation, candidate(name + " " + i, "+8613800138000",
                    "exercise@example.org"));
            if (participants.participants(studyId, PageRequest.of(0, 50)).stream()
                    .anyMatch(r -> r.id().equals(id) && "Exercise".equals(r.armName()))) {
                return id;
            }
        }
        throw new AssertionError("Nobody was randomised to the exercise arm");
    }

    /** A person of the trial's tenant with a password, made by its administrator; answers the username. */
    public String account(AccountService accounts, String usernamePrefix, String displayName, PortalRole role) {
        String username = usernamePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        SystemActor.runAs("test", tenantId, EnumSet.of(PortalRole.TENANT_ADMIN), () -> accounts.create(
                new NewAccount(username, displayName, null, "en", Set.of(role), PortalTest.PASSWORD)));
        return username;
    }

    /** Monthly calls for both arms: three, a week's window, joint pain asked. */
    public void planCalls(FollowUpPlans plans) {
        SystemActor.runAs("test", tenantId, EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            for (String arm : List.of("EXERCISE", "CONTROL")) {
                plans.configure(studyId, arm, new FollowUpPlanSettings(1, 1, 3, 7, 3, 4, new CallScript(
                        "Hello", "您好", List.of(CallQuestion.JOINT_PAIN))));
            }
        });
    }

    public String eligibleConsented(ScreeningService screening, ConsentService consent, NewCandidate candidate) {
        String id = screening.screen(studyId, candidate);
        screening.assessEligibility(id, ELIGIBLE_MEASURES, ELIGIBLE_ANSWERS, null);
        consent.recordConsent(id, "Consent form v2.1", LocalDate.now().minusDays(1), true, true);
        return id;
    }
}
