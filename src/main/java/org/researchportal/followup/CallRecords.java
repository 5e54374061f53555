package org.researchportal.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ChangedFields;
import org.researchportal.base.clinical.ClinicalDataChanged;
import org.researchportal.base.clinical.ClinicalDataRules;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.clinical.FormValues;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.CallParticipant;
import org.researchportal.participants.CallParticipants;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Records the attempts of a call. A completed call keeps the answers its script asks for (nothing more: the control
 * arm's calls never record exercise); unanswered attempts are counted and spaced, and after the plan's last one the
 * call is missed (the next call is already planned); a flagged concern or a wrong number goes to the clinicians, and
 * a new health problem opens an adverse-event draft for a clinician to review. Every attempt is audited.
 */
@Service
public class CallRecords {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallRecords.class);
    static final int NOTES_MAX_LENGTH = 2000;
    /** A participant may ask to be called back within this long, and no earlier than now. */
    static final Duration CALL_BACK_WITHIN = Duration.ofDays(31);

    private final TenantDocuments documents;
    private final FollowUpCallRecords calls;
    private final FollowUpPlans plans;
    private final CallParticipants participants;
    private final Escalations escalations;
    private final AdverseEventDrafts adverseEvents;
    private final AuditTrail audit;
    private final ClinicalRecordLocks locks;
    private final ClinicalDataRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallRecords(TenantDocuments documents, FollowUpCallRecords calls, FollowUpPlans plans,
            CallParticipants participants, Escalations escalations, AdverseEventDrafts adverseEvents,
            AuditTrail audit, ClinicalRecordLocks locks, ClinicalDataRules rules, ApplicationEventPublisher events,
            Clock clock) {
        this.locks = locks;
        this.rules = rules;
        this.adverseEvents = adverseEvents;
        this.documents = documents;
        this.calls = calls;
        this.plans = plans;
        this.participants = participants;
        this.escalations = escalations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Secured(Authorities.COORDINATOR)
    public FollowUpCall recordAttempt(String callId, CallEntry entry) {
        FollowUpCall call = calls.call(callId);
        ClinicalForm form = ClinicalForm.followUpCall(call.getStudyId(), call.getParticipantId(), callId);
        locks.requireWritable(form);
        if (entry.outcome() == null) {
            throw ValidationException.of("outcome", "call.outcome.required");
        }
        if (call.getStatus() != CallStatus.OPEN) {
            throw ValidationException.of("outcome", "call.closed");
        }
        CallParticipant participant = participants.callParticipant(call.getParticipantId())
                .filter(p -> p.status() == ParticipantStatus.ENROLLED)
                .orElseThrow(() -> ValidationException.of("outcome", "call.participant-left"));
        FollowUpPlanSettings plan = plans.plan(call.getStudyId(), call.getArmCode())
                .orElseThrow(() -> ValidationException.of("outcome", "call.no-plan")).getSettings();
        Instant now = clock.instant();
        CallAnswers answers = entry.outcome() == CallOutcome.COMPLETED
                ? checkedAnswers(entry.answers(), plan.script()) : null;
        Map<String, String> errors = new HashMap<>();
        if (entry.notes() != null && entry.notes().length() > NOTES_MAX_LENGTH) {
            errors.put("notes", "call.notes.too-long");
        }
        if (entry.outcome() == CallOutcome.CALL_BACK && (entry.callBackAt() == null || entry.callBackAt()
                .isBefore(now) || entry.callBackAt().isAfter(now.plus(CALL_BACK_WITHIN)))) {
            errors.put("callBackAt", "call.call-back.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (answers != null) {
            rules.check(form, FormValues.of(answers));
        }
        var attempt = new CallAttempt(now, CurrentUser.require().username(), entry.outcome(),
                entry.outcome() == CallOutcome.CALL_BACK ? entry.callBackAt() : null, Inputs.blankToNull(
                        entry.notes()));
        CallStatus status = switch (entry.outcome()) {
            case COMPLETED -> CallStatus.COMPLETED;
            case DECLINED -> CallStatus.DECLINED;
            case WRONG_NUMBER -> CallStatus.MISSED;
            case NO_ANSWER, VOICEMAIL -> call.countedAttempts() + 1 >= plan.maxAttempts() ? CallStatus.MISSED
                    : CallStatus.OPEN;
            case CALL_BACK -> CallStatus.OPEN;
        };
        Instant nextTryAfter = status != CallStatus.OPEN ? null
                : entry.outcome() == CallOutcome.CALL_BACK ? entry.callBackAt()
                : now.plus(Duration.ofHours(plan.retryAfterHours()));
        if (!calls.addAttempt(callId, entry.version(), attempt, status, nextTryAfter, answers)) {
            throw ValidationException.of("outcome", "call.changed-meanwhile");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status.name());
        after.put("attempt", attempt);
        if (answers != null) {
            after.put("answers", answers);
        }
        audit.record("call.attempt-recorded", "FollowUpCall", callId, Map.of("status", call.getStatus().name(),
                "attempts", call.getAttempts().size()), after, null);
        FollowUpCall recorded = calls.call(callId);
        if (answers != null) {
            events.publishEvent(new ClinicalDataChanged(documents.currentTenantId(), form, ChangedFields.of(null,
                    answers), null));
        }
        try {
            escalate(recorded, entry.outcome(), answers, participant);
        } catch (RuntimeException e) {
            // The call is recorded; what it found must still reach a clinician, so the coordinator is told to do so.
            LOG.error("Call {} is recorded but its escalation could not be raised", callId, e);
            throw ValidationException.of("outcome", "call.escalation-failed");
        }
        if (status != CallStatus.OPEN) {
            events.publishEvent(new FollowUpCallClosed(documents.currentTenantId(), call.getParticipantId(), callId));
        } else if (entry.outcome() == CallOutcome.CALL_BACK) {
            events.publishEvent(new FollowUpCallMoved(documents.currentTenantId(), call.getParticipantId(), callId,
                    entry.callBackAt().atZone(ZoneId.of(participant.timeZone())).toLocalDate()));
        }
        return recorded;
    }

    private void escalate(FollowUpCall call, CallOutcome outcome, @Nullable CallAnswers answers,
            CallParticipant participant) {
        if (answers != null && answers.concernFlagged()) {
            escalations.raise(call, Escalation.Kind.CONCERN, String.valueOf(answers.concernDetail()));
        }
        if (answers != null && Boolean.TRUE.equals(answers.newHealthProblem())) {
            // A possible adverse event: a draft for a clinician to grade and judge, on the participant's record.
            adverseEvents.openDraft(call.getParticipantId(), String.valueOf(answers.newHealthProblemDetail()),
                    LocalDate.now(clock.withZone(ZoneId.of(participant.timeZone()))), "Follow-up call "
                            + call.getNumber());
        }
        if (outcome == CallOutcome.WRONG_NUMBER) {
            escalations.raise(call, Escalation.Kind.WRONG_NUMBER, String.valueOf(participant.phone()));
        }
    }

    /** The answers the script asks for, checked; answers to questions it does not ask are not kept. */
    static CallAnswers checkedAnswers(@Nullable CallAnswers given, CallScript script) {
        if (given == null) {
            throw ValidationException.of("outcome", "call.answers.missing");
        }
        Map<String, String> errors = new HashMap<>();
        boolean ai = script.asks(CallQuestion.AROMATASE_INHIBITOR);
        boolean effects = script.asks(CallQuestion.SIDE_EFFECTS);
        boolean pain = script.asks(CallQuestion.JOINT_PAIN);
        boolean exercise = script.asks(CallQuestion.EXERCISE);
        boolean health = script.asks(CallQuestion.NEW_HEALTH_PROBLEMS);
        boolean counselling = script.asks(CallQuestion.COUNSELLING);
        boolean outside = script.asks(CallQuestion.OUTSIDE_EXERCISE);
        if (ai && given.takingAromataseInhibitor() == null) {
            errors.put("takingAromataseInhibitor", "call.answer.required");
        }
        if (ai && given.missedDoses() != null && (given.missedDoses() < 0 || given.missedDoses() > 31)) {
            errors.put("missedDoses", "call.missed-doses.invalid");
        }
        if (effects && tooLong(given.concerns())) {
            errors.put("concerns", "call.text.too-long");
        }
        if (pain && (given.jointPain() == null || given.jointPain() < 0 || given.jointPain() > 10)) {
            errors.put("jointPain", "call.score.invalid");
        }
        if (exercise && (given.exerciseSessions() == null || given.exerciseSessions() < 0
                || given.exerciseSessions() > 62)) {
            errors.put("exerciseSessions", "call.sessions.invalid");
        }
        if (outside) {
            outsideExerciseProblems(given, errors);
        }
        if (health && given.newHealthProblem() == null) {
            errors.put("newHealthProblem", "call.answer.required");
        } else if (health && given.newHealthProblem() && (Inputs.isBlankOrLonger(given.newHealthProblemDetail(),
                CallAnswers.TEXT_MAX_LENGTH))) {
            errors.put("newHealthProblemDetail", "call.health-problem.describe");
        }
        if (given.concernFlagged() && Inputs.isBlankOrLonger(given.concernDetail(), CallAnswers.TEXT_MAX_LENGTH)) {
            errors.put("concernDetail", "call.concern.describe");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new CallAnswers(ai ? given.takingAromataseInhibitor() : null, ai ? given.missedDoses() : null,
                effects ? given.sideEffects() : Set.of(), effects ? Inputs.blankToNull(given.concerns()) : null,
                pain ? given.jointPain() : null, exercise ? given.exerciseSessions() : null,
                health ? given.newHealthProblem() : null,
                health && Boolean.TRUE.equals(given.newHealthProblem()) ? Inputs.blankToNull(
                        given.newHealthProblemDetail()) : null,
                counselling ? given.topics() : Set.of(), given.concernFlagged(),
                given.concernFlagged() ? Inputs.blankToNull(given.concernDetail()) : null,
                outside ? given.outsideExercise() : null,
                outside && Boolean.TRUE.equals(given.outsideExercise()) ? given.outsideExerciseKinds() : Set.of(),
                outside && Boolean.TRUE.equals(given.outsideExercise()) ? given.outsideExerciseMinutes() : null);
    }

    /**
     * Exercise outside the study: yes or no is required; with yes, the minutes a week (0 to 3000) and the kinds from
     * the list; with no, neither.
     */
    private static void outsideExerciseProblems(CallAnswers given, Map<String, String> errors) {
        Integer minutes = given.outsideExerciseMinutes();
        if (given.outsideExercise() == null) {
            errors.put("outsideExercise", "call.answer.required");
        } else if (given.outsideExercise()) {
            if (minutes == null || minutes < 0 || minutes > CallAnswers.OUTSIDE_MINUTES_MAX) {
                errors.put("outsideExerciseMinutes", "contamination.minutes.invalid");
            }
            if (given.outsideExerciseKinds().stream().anyMatch(Objects::isNull)) {
                errors.put("outsideExerciseKinds", "contamination.kind.unknown");
            }
        }
        if (!Boolean.TRUE.equals(given.outsideExercise())) {
            if (!given.outsideExerciseKinds().isEmpty()) {
                errors.put("outsideExerciseKinds", "contamination.only-with-yes");
            }
            if (minutes != null) {
                errors.put("outsideExerciseMinutes", "contamination.only-with-yes");
            }
        }
    }

    private static boolean tooLong(@Nullable String text) {
        return text != null && text.length() > CallAnswers.TEXT_MAX_LENGTH;
    }
}
