package org.researchportal.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.participants.CallParticipant;
import org.researchportal.participants.CallParticipants;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Plans each allocated participant's calls from their randomisation day and their arm's plan, and ends the open
 * ones when the participant leaves (withdrawn, lost to follow-up, died). Planning again adds only what is missing.
 */
@Service
public class CallPlanning {

    private final TenantDocuments documents;
    private final FollowUpCallRecords calls;
    private final FollowUpPlans plans;
    private final CallParticipants participants;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    CallPlanning(TenantDocuments documents, FollowUpCallRecords calls, FollowUpPlans plans,
            CallParticipants participants, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            ClinicalRecordLocks locks) {
        this.locks = locks;
        this.documents = documents;
        this.calls = calls;
        this.plans = plans;
        this.participants = participants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Plans the calls of every allocated participant of the tenant; answers how many calls were new. */
    @Secured(Authorities.COORDINATOR)
    public int planCalls() {
        // A locked study's calls stay as the database holds them: none planned, none cancelled.
        List<CallParticipant> all = inOpenStudies(participants.callParticipants());
        // The participants' calls and the arms' plans are read once for the round, not once per participant.
        Map<String, FollowUpCallRecords.Planned> plannedOf = calls.plannedOf(all.stream().map(CallParticipant::id)
                .toList());
        Map<String, Optional<FollowUpPlan>> armPlans = new HashMap<>();
        int planned = 0;
        for (CallParticipant participant : all) {
            planned += plan(participant, plannedOf.getOrDefault(participant.id(), FollowUpCallRecords.Planned.NONE),
                    armPlans);
        }
        return planned;
    }

    /** Plans one participant's calls (just randomised); answers how many were new. */
    @Secured(Authorities.COORDINATOR)
    public int planCallsFor(String participantId) {
        return participants.callParticipant(participantId).filter(p -> !locks.studyLocked(p.studyId()))
                .map(participant -> plan(participant, calls
                        .plannedOf(List.of(participantId)).getOrDefault(participantId,
                                FollowUpCallRecords.Planned.NONE),
                        new HashMap<>())).orElse(0);
    }

    /** Cancels a participant's open calls (they left the study or may no longer be contacted); answers how many. */
    @Secured(Authorities.COORDINATOR)
    public int cancelOpenCalls(String participantId, String reason) {
        int cancelled = 0;
        for (FollowUpCall call : calls.openCallsOf(participantId)) {
            if (locks.studyLocked(call.getStudyId())) {
                continue;
            }
            cancelled += calls.cancel(call.requireId(), reason, clock.instant()) ? 1 : 0;
            events.publishEvent(new FollowUpCallClosed(documents.currentTenantId(), participantId, call.requireId()));
        }
        if (cancelled > 0) {
            audit.record("followup.calls-cancelled", "Participant", participantId, null,
                    Map.of("cancelled", cancelled), reason);
        }
        return cancelled;
    }

    /**
     * The open calls in the coming days, each on the day it is expected to be made in the participant's calendar
     * (the day they asked to be called back, else the due date), for the reminder the day before.
     */
    @Secured(Authorities.COORDINATOR)
    public List<ExpectedCall> expectedCalls(int days) {
        List<ExpectedCall> expected = new ArrayList<>();
        Map<String, CallParticipant> byId = new java.util.HashMap<>();
        inOpenStudies(participants.callParticipants()).forEach(p -> byId.put(p.id(), p));
        for (FollowUpCall call : calls.openCalls()) {
            CallParticipant participant = byId.get(call.getParticipantId());
            if (participant == null || participant.status() != ParticipantStatus.ENROLLED) {
                continue;
            }
            ZoneId zone = ZoneId.of(participant.timeZone());
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Optional<Instant> callBack = call.getAttempts().stream().reduce((a, b) -> b)
                    .filter(last -> last.outcome() == CallOutcome.CALL_BACK).map(CallAttempt::callBackAt);
            LocalDate day = callBack.map(at -> at.atZone(zone).toLocalDate()).orElse(call.getDueOn());
            if (!day.isBefore(today) && day.isBefore(today.plusDays(days))) {
                expected.add(new ExpectedCall(call.requireId(), participant.id(), day,
                        callBack.map(at -> at.atZone(zone).toLocalTime()).orElse(null),
                        participant.preferredCallTime()));
            }
        }
        return expected;
    }

    /** The participants whose study's database is not locked (each study asked once). */
    private List<CallParticipant> inOpenStudies(List<CallParticipant> all) {
        Map<String, Boolean> locked = new HashMap<>();
        return all.stream().filter(p -> !locked.computeIfAbsent(p.studyId(), locks::studyLocked)).toList();
    }

    /** Plans the calls missing from those planned so far (as read); the arms' plans are kept as read. */
    private int plan(CallParticipant participant, FollowUpCallRecords.Planned soFar,
            Map<String, Optional<FollowUpPlan>> armPlans) {
        if (participant.status() != ParticipantStatus.ENROLLED) {
            // Left the study: nothing more is planned, and what was open is ended (planning finds none open after).
            if (!soFar.anyOpen()) {
                return 0;
            }
            cancelOpenCalls(participant.id(), "Participant " + participant.status().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            return 0;
        }
        Optional<FollowUpPlan> plan = armPlans.computeIfAbsent(participant.studyId() + "/" + participant.armCode(),
                key -> plans.plan(participant.studyId(), participant.armCode()));
        if (plan.isEmpty()) {
            return 0;
        }
        int planned = 0;
        for (CallSchedule.Slot slot : CallSchedule.of(participant.enrolledOn(), plan.get().getSettings())) {
            if (soFar.numbers().contains(slot.number())) {
                continue;
            }
            try {
                calls.plan(new FollowUpCall(participant.id(), participant.studyId(), participant.armCode(),
                        slot.number(), slot.dueOn(), slot.windowFrom(), slot.windowTo(), clock.instant()));
                planned++;
            } catch (DuplicateKeyException plannedMeanwhile) {
                // Another node planned the same call: the unique index keeps one.
            }
        }
        if (planned > 0) {
            audit.record("followup.calls-planned", "Participant", participant.id(), null,
                    Map.of("planned", planned, "armCode", participant.armCode()), null);
        }
        return planned;
    }
}
