package org.researchportal.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.exercise.ExerciseService;
import org.researchportal.exercise.SessionEntry;
import org.researchportal.followup.CallQuestion;
import org.researchportal.followup.CallScript;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.FollowUpPlanSettings;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work that follows a person's action (event listeners) runs with its own system authority, under the production
 * security configuration: inside a Vaadin request, where Vaadin's strategy answers the person's security context from
 * the HTTP session. Before, a clinician's randomisation planned no calls and a participant's safety stop emailed no
 * therapist ("Access Denied" in the log), while tests that kept the context in the thread passed.
 */
class BackgroundWorkAuthorityTests extends UiTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    FollowUpPlans plans;
    @Autowired
    CallWorklist calls;
    @Autowired
    AccountService accounts;
    @Autowired
    ExerciseService exercise;
    @Autowired
    Outbox outbox;

    @Test
    void theTestsRunUnderVaadinsSecurityContextStrategyWithTheContextInTheSession() {
        assertThat(SecurityContextHolder.getContextHolderStrategy())
                .isInstanceOf(VaadinAwareSecurityContextHolderStrategy.class);
        signInToUi("fudan.clinician");
        // Another context set on the thread is ignored inside the Vaadin request: the session's person stays.
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        assertThat(CurrentUser.require().username()).isEqualTo("fudan.clinician");
    }

    @Test
    void aClinicianWhoRandomisesInTheScreensPlansTheParticipantsCalls() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        String clinician = "bg-clinician-" + UUID.randomUUID().toString().substring(0, 8);
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            accounts.create(new NewAccount(clinician, "Background Clinician", null, "en",
                    Set.of(PortalRole.CLINICIAN), PASSWORD));
            for (String arm : List.of("EXERCISE", "CONTROL")) {
                plans.configure(trial.studyId(), arm, new FollowUpPlanSettings(1, 1, 3, 7, 3, 4, new CallScript(
                        "Hello", "您好", List.of(CallQuestion.JOINT_PAIN))));
            }
        });

        signInToUi(clinician);
        String id = screening.screen(trial.studyId(), new NewCandidate("Randomised In Screens",
                LocalDate.now().minusDays(3), null, null, "en", "Asia/Shanghai", null));
        screening.assessEligibility(id, TrialFixture.ELIGIBLE_MEASURES, TrialFixture.ELIGIBLE_ANSWERS, null);
        consent.recordConsent(id, "Consent form v2.1", LocalDate.now().minusDays(1), true, true);
        randomisation.randomise(id, Map.of());

        assertThat(CurrentUser.require().username()).isEqualTo(clinician);
        assertThat(trial.asCoordinator(() -> calls.callsOf(id))).hasSize(3);
    }

    @Test
    void aParticipantsSafetyStopEmailsTheirTherapist() {
        signInToUi("fudan.participant");
        var today = exercise.myToday();
        String first = exercise.myProgramme().programme().getItems().getFirst().exercise();
        var logged = exercise.logSession(new SessionEntry(today.date(), List.of(first), 20, 5, 2, 3, null, true));

        List<OutboxMessage> emails = SystemActor.callAs("test", "fudan", Set.of(PortalRole.COORDINATOR),
                () -> outbox.latest(500)).stream().filter(m -> m.getIdempotencyKey().startsWith("programme-alert:")
                        && m.getCreatedAt().isAfter(logged.loggedAt().minusSeconds(1))).toList();
        assertThat(emails).isNotEmpty().allSatisfy(m -> assertThat(m.getRecipient())
                .isEqualTo("fudan.therapist@example.org"));
    }
}
