package org.researchportal.followup;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The reads and writes of follow-up calls that the follow-up services share, in the tenant in scope. */
@Component
class FollowUpCallRecords {

    private static final Set<CallStatus> CLOSED = EnumSet.complementOf(EnumSet.of(CallStatus.OPEN));

    private final TenantDocuments documents;

    FollowUpCallRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    FollowUpCall call(String callId) {
        return documents.getById(callId, FollowUpCall.class);
    }

    FollowUpCall plan(FollowUpCall call) {
        return documents.insert(call);
    }

    /** A participant's calls, first to last. */
    List<FollowUpCall> callsOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by("number")), FollowUpCall.class);
    }

    /** The calls of these participants of a study, by participant and number. */
    List<FollowUpCall> callsOf(String studyId, Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("participantId")
                .in(participantIds)).with(Sort.by("participantId", "number")), FollowUpCall.class);
    }

    /** A participant's calls numbered before this one, the latest first. */
    List<FollowUpCall> callsBefore(FollowUpCall call) {
        return documents.find(Query.query(Criteria.where("participantId").is(call.getParticipantId())
                .and("number").lt(call.getNumber())).with(Sort.by(Sort.Direction.DESC, "number")),
                FollowUpCall.class);
    }

    /**
     * What planning needs of each of these participants' calls (those without any are absent), in one read of three
     * fields per call: a round covers every participant of the tenant, so their answers are not read or opened.
     */
    Map<String, Planned> plannedOf(Collection<String> participantIds) {
        Query query = Query.query(Criteria.where("participantId").in(participantIds));
        query.fields().include("participantId", "number", "status");
        Map<String, Planned> planned = new HashMap<>();
        for (FollowUpCall call : documents.find(query, FollowUpCall.class)) {
            planned.merge(call.getParticipantId(), new Planned(Set.of(call.getNumber()),
                    call.getStatus() == CallStatus.OPEN), Planned::and);
        }
        return planned;
    }

    /** The numbers of a participant's calls planned so far, and whether any of them is open. */
    record Planned(Set<Integer> numbers, boolean anyOpen) {

        static final Planned NONE = new Planned(Set.of(), false);

        Planned and(Planned more) {
            Set<Integer> all = new HashSet<>(numbers);
            all.addAll(more.numbers);
            return new Planned(all, anyOpen || more.anyOpen);
        }
    }

    List<FollowUpCall> openCalls() {
        return documents.find(Query.query(Criteria.where("status").is(CallStatus.OPEN)), FollowUpCall.class);
    }

    List<FollowUpCall> openCallsOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId).and("status")
                .is(CallStatus.OPEN)), FollowUpCall.class);
    }

    /** The open calls of one study or all, by due date. */
    List<FollowUpCall> openByDueDate(@Nullable String studyId) {
        return byDueDate(Criteria.where("status").is(CallStatus.OPEN), studyId);
    }

    /**
     * The closed calls (made, missed, declined or cancelled) of one study or all, by due date. Named rather than "not
     * open", so an index on the status narrows to them and gives the order (an $ne narrows nothing).
     */
    List<FollowUpCall> closedByDueDate(@Nullable String studyId) {
        return byDueDate(Criteria.where("status").in(CLOSED), studyId);
    }

    private List<FollowUpCall> byDueDate(Criteria which, @Nullable String studyId) {
        return documents.find(Query.query(studyId == null ? which : which.and("studyId").is(studyId))
                .with(Sort.by("dueOn")), FollowUpCall.class);
    }

    /** Every call of one study or all. */
    List<FollowUpCall> callsOfStudy(@Nullable String studyId) {
        return documents.find(Query.query(studyId == null ? new Criteria() : Criteria.where("studyId").is(studyId)),
                FollowUpCall.class);
    }

    /** Every call of one study or all, in the call log's order: by study, participant and number. */
    List<FollowUpCall> callLog(@Nullable String studyId) {
        return documents.find((studyId == null ? new Query() : Query.query(Criteria.where("studyId").is(studyId)))
                .with(Sort.by("studyId", "participantId", "number")), FollowUpCall.class);
    }

    /** Ends an open call; answers whether it was still open. */
    boolean cancel(String callId, String reason, Instant at) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(callId).and("status").is(CallStatus.OPEN)),
                new Update().set("status", CallStatus.CANCELLED).set("closedAt", at).set("closedReason", reason)
                        .inc("version", 1), FollowUpCall.class) > 0;
    }

    /**
     * Adds an attempt to a call still open and at this version: an open call gets the time of its next try, a
     * closed one the time and reason it closed. Answers whether the call was changed (false: changed meanwhile).
     */
    boolean addAttempt(String callId, long version, CallAttempt attempt, CallStatus status,
            @Nullable Instant nextTryAfter, @Nullable CallAnswers answers) {
        Update update = new Update().push("attempts", attempt).set("status", status).inc("version", 1);
        if (status == CallStatus.OPEN) {
            update.set("nextTryAfter", nextTryAfter);
        } else {
            update.set("closedAt", attempt.at()).unset("nextTryAfter").set("closedReason", attempt.outcome().name());
        }
        if (answers != null) {
            update.set("answers", answers);
        }
        return documents.updateFirst(Query.query(Criteria.where("_id").is(callId).and("version").is(version)
                .and("status").is(CallStatus.OPEN)), update, FollowUpCall.class) > 0;
    }
}
