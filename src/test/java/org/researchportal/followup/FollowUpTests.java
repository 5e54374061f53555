package org.researchportal.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AdverseEventDraftRow;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventRow;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.messaging.MessagePurpose;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.messaging.ReminderPlanner;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.ParticipationService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The calls of a participant from randomisation to the end: planned from the arm's plan when randomised, attempts
 * counted and spaced until missed, answers kept as the script asks, concerns escalated to clinicians, the reminder
 * the day before in the outbox, and everything open ended on withdrawal. Only coordinators work the calls.
 */
class FollowUpTests extends PortalTest {

    static final FollowUpPlanSettings CONTROL = new FollowUpPlanSettings(1, 1, 3, 7, 3, 4, new CallScript(
            "Hello", "您好", List.of(CallQuestion.AROMATASE_INHIBITOR, CallQuestion.SIDE_EFFECTS,
                    CallQuestion.JOINT_PAIN, CallQuestion.NEW_HEALTH_PROBLEMS, CallQuestion.COUNSELLING)));
    static final FollowUpPlanSettings EXERCISE = new FollowUpPlanSettings(1, 1, 3, 7, 3, 4, new CallScript(
            "Hello", "您好", List.of(CallQuestion.AROMATASE_INHIBITOR, CallQuestion.JOINT_PAIN, CallQuestion.EXERCISE,
                    CallQuestion.NEW_HEALTH_PROBLEMS)));

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
    ParticipationService participation;
    @Autowired
    FollowUpPlans plans;
    @Autowired
    CallPlanning planning;
    @Autowired
    CallWorklist worklist;
    @Autowired
    CallRecords records;
    @Autowired
    Escalations escalations;
    @Autowired
    ReminderPlanner reminders;
    @Autowired
    Outbox outbox;
    @Autowired
    AuditTrail audit;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    AdverseEventDrafts adverseEventDrafts;

    TrialFixture trial;

    @BeforeEach
    void aStudyWithPlansForBothArms() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        asAdmin(() -> plans.configure(trial.studyId(), "CONTROL", CONTROL));
        asAdmin(() -> plans.configure(trial.studyId(), "EXERCISE", EXERCISE));
    }

    <T> T asAdmin(Supplier<T> work) {
        return asSystem(trial.tenantId(), Set.of(PortalRole.TENANT_ADMIN), work);
    }

    String randomised(String name) {
        return trial.asClinician(() -> {
            String id = screening.screen(trial.studyId(), new NewCandidate(name, LocalDate.now().minusDays(3),
                    "138 0013 8000", "p@example.org", "zh-CN", "Asia/Shanghai", "Weekdays 14:00-17:00"));
            screening.assessEligibility(id, TrialFixture.ELIGIBLE_MEASURES, TrialFixture.ELIGIBLE_ANSWERS, null);
            consent.recordConsent(id, "Consent form v2.1", LocalDate.now().minusDays(1), true, true);
            randomisation.randomise(id, Map.of());
            return id;
        });
    }

    FollowUpCall firstCall(String participant) {
        return trial.asCoordinator(() -> worklist.worklist(WorklistFilter.OPEN)).stream()
                .filter(r -> r.participant().id().equals(participant) && r.number() == 1)
                .map(r -> trial.asCoordinator(() -> worklist.context(r.callId())).call()).findFirst().orElseThrow();
    }

    FollowUpCall attempt(FollowUpCall call, CallOutcome outcome, CallAnswers answers, Instant callBack) {
        return trial.asCoordinator(() -> records.recordAttempt(call.requireId(), new CallEntry(outcome, answers,
                callBack, null, trial.asCoordinator(() -> worklist.context(call.requireId())).call().getVersion())));
    }

    static CallAnswers answers(boolean concern, boolean newProblem) {
        return new CallAnswers(true, 1, Set.of(SideEffect.JOINT_PAIN), null, 4, 12, newProblem,
                newProblem ? "Fell and hurt her wrist" : null, Set.of(CounsellingTopic.ADHERENCE), concern,
                concern ? "Wants to stop the tablets" : null);
    }

    @Test
    void randomisationPlansTheArmsCallsAMonthApartAndPlanningAgainAddsNothing() {
        String id = randomised("Planned Person");
        List<CallRow> rows = trial.asCoordinator(() -> worklist.worklist(WorklistFilter.OPEN)).stream()
                .filter(r -> r.participant().id().equals(id)).toList();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(rows).extracting(CallRow::dueOn).containsExactly(today.plusMonths(1), today.plusMonths(2),
                today.plusMonths(3));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.windowFrom()).isEqualTo(r.dueOn().minusDays(7));
            assertThat(r.maxAttempts()).isEqualTo(3);
            assertThat(r.urgency()).isIn(Urgency.LATER, Urgency.THIS_WEEK);
        });
        assertThat(trial.asCoordinator(() -> planning.planCalls())).isZero();
    }

    @Test
    void unansweredAttemptsAreSpacedAndCountedUntilTheCallIsMissed() {
        String id = randomised("Hard To Reach");
        FollowUpCall call = firstCall(id);
        FollowUpCall after = attempt(call, CallOutcome.NO_ANSWER, null, null);
        assertThat(after.getStatus()).isEqualTo(CallStatus.OPEN);
        assertThat(after.getNextTryAfter()).isAfter(Instant.now().plus(Duration.ofHours(3)));
        after = attempt(call, CallOutcome.CALL_BACK, null, Instant.now().plus(Duration.ofDays(2)));
        assertThat(after.countedAttempts()).as("asked to call back: not a failed attempt").isEqualTo(1);
        after = attempt(call, CallOutcome.VOICEMAIL, null, null);
        assertThat(after.getStatus()).isEqualTo(CallStatus.OPEN);
        after = attempt(call, CallOutcome.NO_ANSWER, null, null);
        assertThat(after.getStatus()).isEqualTo(CallStatus.MISSED);
        assertThat(after.getAttempts()).hasSize(4);
        assertThatThrownBy(() -> attempt(call, CallOutcome.NO_ANSWER, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("outcome", "call.closed"));
        // The next call is there to be made.
        assertThat(trial.asCoordinator(() -> worklist.worklist(WorklistFilter.OPEN))).anyMatch(r -> r.participant()
                .id().equals(id) && r.number() == 2);
        assertThat(asSystem(trial.tenantId(), Set.of(PortalRole.CLINICIAN), () -> audit.history("FollowUpCall",
                call.requireId()))).hasSize(4);
    }

    @Test
    void aCompletedCallKeepsOnlyWhatItsScriptAsksAndRefusesWhatIsMissing() {
        String id = randomised("Answers Questions");
        FollowUpCall call = firstCall(id);
        var incomplete = new CallAnswers(null, null, Set.of(), null, 11, null, true, " ", Set.of(), true, "");
        assertThatThrownBy(() -> attempt(call, CallOutcome.COMPLETED, incomplete, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsKeys("takingAromataseInhibitor", "jointPain", "newHealthProblemDetail",
                                "concernDetail"));
        assertThatThrownBy(() -> attempt(call, CallOutcome.CALL_BACK, null, Instant.now().minusSeconds(60)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsKey("callBackAt"));
        FollowUpCall done = attempt(call, CallOutcome.COMPLETED, answers(false, false), null);
        assertThat(done.getStatus()).isEqualTo(CallStatus.COMPLETED);
        CallAnswers kept = done.getAnswers();
        assertThat(kept.jointPain()).isEqualTo(4);
        boolean exerciseArm = done.getArmCode().equals("EXERCISE");
        assertThat(kept.exerciseSessions()).as("only the exercise arm's script asks about exercise")
                .isEqualTo(exerciseArm ? 12 : null);
        assertThat(kept.topics()).isEqualTo(exerciseArm ? Set.of() : Set.of(CounsellingTopic.ADHERENCE));
    }

    @Test
    void aFlaggedConcernWaitsForAClinicianUntilHandledAndANewHealthProblemOpensAnAdverseEventDraft() {
        String id = randomised("Has Worries");
        attempt(firstCall(id), CallOutcome.COMPLETED, answers(true, true), null);
        List<Escalation> open = trial.asClinician(() -> escalations.open(trial.studyId()));
        assertThat(open).extracting(Escalation::getKind).containsExactly(Escalation.Kind.CONCERN);
        assertThat(open.getFirst().getDetail()).isEqualTo("Wants to stop the tablets");
        assertThat(trial.asCoordinator(() -> worklist.worklist(WorklistFilter.OPEN)).stream()
                .filter(r -> r.participant().id().equals(id)).findFirst().orElseThrow().openEscalations())
                .isEqualTo(1);
        assertThatThrownBy(() -> trial.asCoordinator(() -> {
            escalations.handle(open.getFirst().requireId(), "Seen");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trial.doAsClinician(() -> escalations.handle(open.getFirst().requireId(), " ")))
                .isInstanceOf(ValidationException.class);
        trial.doAsClinician(() -> escalations.handle(open.getFirst().requireId(), "Phoned her; keeps taking it"));
        assertThat(trial.asClinician(() -> escalations.open(trial.studyId()))).isEmpty();

        // The new health problem is a draft for a clinician: recorded with their grading, or dismissed with a reason.
        List<AdverseEventDraftRow> drafts = trial.asClinician(() -> adverseEventDrafts.openDrafts(trial.studyId()));
        assertThat(drafts).singleElement().satisfies(d -> {
            assertThat(d.description()).isEqualTo("Fell and hurt her wrist");
            assertThat(d.participantId()).isEqualTo(id);
            assertThat(d.source()).isEqualTo("Follow-up call 1");
        });
        String event = trial.asClinician(() -> adverseEventDrafts.reportFromDraft(drafts.getFirst().id(),
                new AdverseEventReport(LocalDate.now(), "Fall at home, bruised right wrist", "wrist", 1, false,
                        AdverseEventReport.Relatedness.UNLIKELY, AdverseEventReport.Action.NONE,
                        AdverseEventReport.Outcome.RECOVERING, null)));
        assertThat(trial.asClinician(() -> adverseEvents.ofParticipant(id))).extracting(AdverseEventRow::id)
                .containsExactly(event);
        assertThat(trial.asClinician(() -> adverseEventDrafts.openDrafts(trial.studyId()))).isEmpty();
        assertThatThrownBy(() -> trial.asClinician(() -> adverseEventDrafts.reportFromDraft(drafts.getFirst().id(),
                new AdverseEventReport(LocalDate.now(), "Again", null, 1, false,
                        AdverseEventReport.Relatedness.UNLIKELY, AdverseEventReport.Action.NONE,
                        AdverseEventReport.Outcome.RECOVERING, null)))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aDraftThatIsNoAdverseEventIsDismissedWithAReason() {
        String id = randomised("Minor Thing");
        attempt(firstCall(id), CallOutcome.COMPLETED, answers(false, true), null);
        String draft = trial.asClinician(() -> adverseEventDrafts.openDraftsOf(id)).getFirst().id();
        assertThatThrownBy(() -> trial.doAsClinician(() -> adverseEventDrafts.dismissDraft(draft, "")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> trial.asCoordinator(() -> {
            adverseEventDrafts.dismissDraft(draft, "Not mine to judge");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        trial.doAsClinician(() -> adverseEventDrafts.dismissDraft(draft, "A known old injury, reported before"));
        assertThat(trial.asClinician(() -> adverseEventDrafts.openDraftsOf(id))).isEmpty();
        assertThat(trial.asClinician(() -> adverseEvents.ofParticipant(id))).isEmpty();
        assertThat(asSystem(trial.tenantId(), Set.of(PortalRole.CLINICIAN), () -> audit.history("AdverseEvent",
                draft))).extracting(e -> e.getAction()).contains("adverse-event.draft-opened",
                        "adverse-event.draft-dismissed");
    }

    @Test
    void theDayBeforeTheCallTheParticipantIsRemindedWithinTheirConsentAndLanguage() {
        String id = randomised("Wants Reminding");
        FollowUpCall call = firstCall(id);
        // Asked to be called back in three days: the reminder for the day before is planned at once.
        attempt(call, CallOutcome.CALL_BACK, null, Instant.now().plus(Duration.ofDays(3)));
        assertThat(trial.asCoordinator(() -> reminders.planCallReminders(7))).as("planning again").isZero();
        OutboxMessage reminder = trial.asCoordinator(() -> outbox.messagesOf(id)).stream()
                .filter(m -> m.getPurpose() == MessagePurpose.CALL_REMINDER).findFirst().orElseThrow();
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalDate callDay = Instant.now().plus(Duration.ofDays(3)).atZone(shanghai).toLocalDate();
        assertThat(reminder.getDueAt().atZone(shanghai).toLocalDate()).isEqualTo(callDay.minusDays(1));
        assertThat(reminder.getRecipient()).isEqualTo("+8613800138000");
        assertThat(reminder.getBody()).startsWith("Wants Reminding，您好").contains("研究团队将于");

        // Once the call is made, the reminder is not wanted any more.
        attempt(call, CallOutcome.COMPLETED, answers(false, false), null);
        assertThat(trial.asCoordinator(() -> outbox.messagesOf(id)).stream()
                .filter(m -> m.getPurpose() == MessagePurpose.CALL_REMINDER)).allSatisfy(m -> assertThat(
                        m.getStatus()).isEqualTo(OutboxMessage.Status.CANCELLED));
    }

    @Test
    void aCallMovedAgainToTheSameDayKeepsItsReminder() {
        String id = randomised("Moves Twice");
        FollowUpCall call = firstCall(id);
        Instant inThreeDays = Instant.now().plus(Duration.ofDays(3));
        attempt(call, CallOutcome.CALL_BACK, null, inThreeDays);
        // Asked again, for a minute later the same day: the reminder the day before still stands.
        attempt(call, CallOutcome.CALL_BACK, null, inThreeDays.plus(Duration.ofMinutes(1)));
        assertThat(trial.asCoordinator(() -> outbox.messagesOf(id)).stream()
                .filter(m -> m.getPurpose() == MessagePurpose.CALL_REMINDER
                        && m.getStatus() == OutboxMessage.Status.PENDING)).hasSize(1);
    }

    @Test
    void withdrawalEndsTheOpenCalls() {
        String id = randomised("Leaves Early");
        trial.doAsClinician(() -> participation.withdraw(id, LocalDate.now(), "Moved away"));
        assertThat(trial.asCoordinator(() -> worklist.worklist(WorklistFilter.OPEN)))
                .noneMatch(r -> r.participant().id().equals(id));
        assertThat(trial.asCoordinator(() -> worklist.worklist(new WorklistFilter(null, Urgency.CLOSED, false))))
                .filteredOn(r -> r.participant().id().equals(id)).hasSize(3)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(CallStatus.CANCELLED));
    }

    @Test
    void onlyCoordinatorsWorkTheCalls() {
        for (PortalRole role : EnumSet.of(PortalRole.CLINICIAN, PortalRole.THERAPIST, PortalRole.ASSESSOR,
                PortalRole.PARTICIPANT, PortalRole.TENANT_ADMIN)) {
            assertThatThrownBy(() -> asSystem(trial.tenantId(), Set.of(role), () -> worklist.worklist(
                    WorklistFilter.OPEN))).as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> asSystem(trial.tenantId(), Set.of(role), () -> records.recordAttempt("x",
                    new CallEntry(CallOutcome.NO_ANSWER, null, null, null, 0)))).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> trial.asCoordinator(() -> plans.configure(trial.studyId(), "CONTROL", CONTROL)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPlanThatCannotWorkIsRefusedAtItsFields() {
        var broken = new FollowUpPlanSettings(1, 0, 0, 30, 0, 0, new CallScript("", "", List.of()));
        assertThatThrownBy(() -> asAdmin(() -> plans.configure(trial.studyId(), "CONTROL", broken)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsKeys(
                        "intervalMonths", "calls", "windowDays", "maxAttempts", "retryAfterHours", "script"));
        assertThatThrownBy(() -> asAdmin(() -> plans.configure(trial.studyId(), "NOPE", CONTROL)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void theCallLogHasALinePerAttemptAndNoNamesOrNumbers() {
        String id = randomised("Logged Person");
        FollowUpCall call = firstCall(id);
        attempt(call, CallOutcome.NO_ANSWER, null, null);
        attempt(call, CallOutcome.COMPLETED, answers(true, false), null);
        var csv = new java.io.StringWriter();
        trial.asCoordinator(() -> {
            worklist.exportLog(trial.studyId(), csv);
            return null;
        });
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.getFirst()).startsWith("study,study_number,arm,call,due_on");
        // Two attempts of the first call, one line each for the two calls not yet made.
        assertThat(lines).hasSize(1 + 2 + 2);
        assertThat(lines.get(1)).contains(",NO_ANSWER,");
        assertThat(lines.get(2)).contains(",COMPLETED,", "Wants to stop the tablets");
        assertThat(csv.toString()).doesNotContain("Logged Person", "13800138000", "p@example.org");
    }

    @Test
    void aPlanCanBeChangedAndTheChangeIsKept() {
        var fortnightlyWindow = new FollowUpPlanSettings(1, 1, 4, 10, 2, 6, CONTROL.script());
        asAdmin(() -> plans.configure(trial.studyId(), "CONTROL", fortnightlyWindow));
        assertThat(asAdmin(() -> plans.plans(trial.studyId())).stream()
                .filter(p -> p.getArmCode().equals("CONTROL")).findFirst().orElseThrow().getSettings())
                .isEqualTo(fortnightlyWindow);
    }
}
