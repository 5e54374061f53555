package org.researchportal.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.ParticipantProgramme;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.exercise.ProgrammeAlerts;
import org.researchportal.exercise.SessionEntry;
import org.researchportal.exercise.SessionLogging;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.identity.AccountService;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
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
    ExerciseManuals manuals;
    @Autowired
    Prescriptions prescriptions;
    @Autowired
    ParticipantProgramme ownProgramme;
    @Autowired
    SessionLogging sessionLogging;
    @Autowired
    ProgrammeAlerts programmeAlerts;
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
        String clinician = trial.account(accounts, "bg-clinician", "Background Clinician", PortalRole.CLINICIAN);
        trial.planCalls(plans);

        signInToUi(clinician);
        String id = trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Randomised In Screens"));

        assertThat(CurrentUser.require().username()).isEqualTo(clinician);
        assertThat(trial.asCoordinator(() -> calls.callsOf(id))).hasSize(3);
    }

    @Test
    void aParticipantsSafetyStopEmailsTheirTherapist() {
        signInToUi("fudan.participant");
        var today = ownProgramme.myToday();
        String first = ownProgramme.myProgramme().programme().getItems().getFirst().exercise();
        var logged = sessionLogging.logSession(new SessionEntry(today.date(), List.of(first), 20, 5, 2, 3, null, true));

        List<OutboxMessage> emails = SystemActor.callAs("test", "fudan", Set.of(PortalRole.COORDINATOR),
                () -> outbox.latest(500)).stream().filter(m -> m.getIdempotencyKey().startsWith("programme-alert:")
                        && m.getCreatedAt().isAfter(logged.loggedAt().minusSeconds(1))).toList();
        assertThat(emails).isNotEmpty().allSatisfy(m -> assertThat(m.getRecipient())
                .isEqualTo("fudan.therapist@example.org"));
    }

    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    org.researchportal.participants.ParticipantService participantService;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    /**
     * Each scheduled sweep, run as the scheduler runs it: on a thread of its own with no security context, under the
     * production strategy. In a fresh tenant (whose first round is never held by an earlier test) each does its work:
     * calls planned for a participant whose listener-planned calls are gone, reminders planned, a due message sent,
     * a week without sessions alerted; and TenantSweeps logs no failure in any tenant.
     */
    @Test
    void eachScheduledSweepDoesItsWorkOnASchedulerThreadWithNoSecurityContext() throws Exception {
        assertThat(SecurityContextHolder.getContextHolderStrategy())
                .isInstanceOf(VaadinAwareSecurityContextHolderStrategy.class);
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        trial.planCalls(plans);
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            manuals.publishManual(trial.studyId(), org.researchportal.demo.DemoManual.exercises(),
                    org.researchportal.demo.DemoManual.guidance(),
                    List.of(org.researchportal.demo.DemoManual.standardProgramme()), false);
        });
        String exerciseParticipant = trial.asClinician(() -> trial.randomisedToExercise(screening, consent,
                randomisation, participantService, "Sweep"));
        SystemActor.runAs("test-therapist", trial.tenantId(), EnumSet.of(PortalRole.THERAPIST),
                () -> prescriptions.prescribe(exerciseParticipant, org.researchportal.demo.DemoManual
                        .standardProgramme()
                        .code(), LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(7),
                        EnumSet.allOf(java.time.DayOfWeek.class), "Sweep test"));
        // The listener planned the calls on randomisation; take them away so only the planning round can bring them.
        String first = exerciseParticipant;
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(trial.tenantId())),
                "followup_calls");
        assertThat(trial.asCoordinator(() -> calls.callsOf(first))).isEmpty();
        String due = trial.asCoordinator(() -> outbox.enqueue(new org.researchportal.messaging.NewMessage(
                "sweep-test:" + trial.tenantId(), org.researchportal.messaging.MessagePurpose.TEST,
                org.researchportal.messaging.Channel.SMS, "+8613800138000", null, null, java.util.Locale.ENGLISH,
                null, "Hello", null, java.time.Instant.now().minusSeconds(1))).requireId());

        var log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.researchportal.tenancy.TenantSweeps.class);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        log.addAppender(appender);
        try {
            onSchedulerThread(sweep("org.researchportal.followup.CallPlanningRounds"), "plan");
            onSchedulerThread(sweep("org.researchportal.messaging.MessageDispatch"), "plan");
            onSchedulerThread(sweep("org.researchportal.messaging.MessageDispatch"), "dispatch");
            onSchedulerThread(sweep("org.researchportal.exercise.InactivitySweep"), "sweep");
        } finally {
            log.detachAppender(appender);
        }
        assertThat(appender.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).isEmpty();

        assertThat(trial.asCoordinator(() -> calls.callsOf(first))).as("calls planned by the round").hasSize(3);
        List<OutboxMessage> messages = trial.asCoordinator(() -> outbox.latest(500));
        assertThat(messages).filteredOn(m -> m.requireId().equals(due)).singleElement()
                .satisfies(m -> assertThat(m.getStatus()).isIn(OutboxMessage.Status.SENT,
                        OutboxMessage.Status.DELIVERED));
        assertThat(messages).as("reminders planned by the round")
                .anySatisfy(m -> assertThat(m.getIdempotencyKey()).startsWith("session-reminder:"
                        + exerciseParticipant + ":"));
        assertThat(SystemActor.callAs("test-therapist", trial.tenantId(), EnumSet.of(PortalRole.THERAPIST),
                () -> programmeAlerts.alerts(exerciseParticipant))).as("a week without sessions alerted").isNotEmpty();
    }

    /** The sweep as its class is written; the messaging and planning ones are off in tests, so made here, unscheduled. */
    private Object sweep(String className) throws Exception {
        Class<?> type = Class.forName(className);
        if (context.getBeanNamesForType(type).length > 0) {
            return context.getBean(type);
        }
        var constructor = type.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        Object[] arguments = java.util.Arrays.stream(constructor.getParameterTypes())
                .map(p -> p == java.time.Duration.class ? java.time.Duration.ofHours(6) : context.getBean(p))
                .toArray();
        return constructor.newInstance(arguments);
    }

    /** Runs a sweep's scheduled method as the scheduler does: on a new thread, nobody signed in. */
    private static void onSchedulerThread(Object sweep, String method) throws Exception {
        var scheduled = sweep.getClass().getDeclaredMethod(method);
        scheduled.setAccessible(true);
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread thread = new Thread(() -> {
            try {
                assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
                scheduled.invoke(sweep);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "scheduling-test");
        thread.start();
        thread.join(120_000);
        if (failure.get() != null) {
            throw new AssertionError(method + " failed", failure.get());
        }
    }
}
