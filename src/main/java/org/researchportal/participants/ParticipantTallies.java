package org.researchportal.participants;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** A study's participants counted by the database (no participant is read): by status, by arm, by failed criterion. */
@Component
class ParticipantTallies {

    private final TenantDocuments documents;

    ParticipantTallies(TenantDocuments documents) {
        this.documents = documents;
    }

    /** A study's participants by status, every status present (zero when none). */
    Map<ParticipantStatus, Long> byStatus(String studyId) {
        Map<ParticipantStatus, Long> counts = new EnumMap<>(ParticipantStatus.class);
        for (ParticipantStatus status : ParticipantStatus.values()) {
            counts.put(status, 0L);
        }
        for (Count count : documents.aggregate(Participant.class,
                List.of(match(Criteria.where("studyId").is(studyId)), group("status").count().as("count")),
                Count.class)) {
            if (count.id() != null) {
                counts.put(ParticipantStatus.valueOf(count.id()), count.count());
            }
        }
        return counts;
    }

    /** A study's allocated participants by arm code (arms holding none are absent). */
    Map<String, Long> byArm(String studyId) {
        return byArm(Criteria.where("studyId").is(studyId).and("armCode").ne(null));
    }

    /** Which arms these participants of a study are allocated to, by arm code (unknown ids count for none). */
    Map<String, Long> byArm(String studyId, Collection<String> participantIds) {
        return byArm(Criteria.where("studyId").is(studyId).and("armCode").ne(null).and("_id").in(participantIds
                .stream().filter(ObjectId::isValid).map(ObjectId::new).toList()));
    }

    private Map<String, Long> byArm(Criteria which) {
        Map<String, Long> counts = new HashMap<>();
        for (Count count : documents.aggregate(Participant.class, List.of(match(which),
                group("armCode").count().as("count")), Count.class)) {
            if (count.id() != null) {
                counts.put(count.id(), count.count());
            }
        }
        return counts;
    }

    /** A study's participants by status and arm together. */
    List<AllocationCount> byStatusAndArm(String studyId) {
        return documents.aggregate(Participant.class, List.of(match(Criteria.where("studyId").is(studyId)),
                group("status", "armCode").count().as("count")), StatusArmCount.class).stream()
                .map(c -> new AllocationCount(ParticipantStatus.valueOf(c.id().status()), c.id().armCode(),
                        c.count())).toList();
    }

    /** A study's screen failures by the criterion failed (one candidate may fail several). */
    Map<String, Long> screenFailuresByCriterion(String studyId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Count count : documents.aggregate(Participant.class, List.of(
                match(Criteria.where("studyId").is(studyId).and("status").is(ParticipantStatus.NOT_ELIGIBLE)),
                unwind("eligibility.failedCriteria"), group("eligibility.failedCriteria").count().as("count")),
                Count.class)) {
            if (count.id() != null) {
                counts.put(count.id(), count.count());
            }
        }
        return counts;
    }

    /** One row of a {@code $group} count. */
    record Count(@Id @Nullable String id, long count) {}

    record StatusArm(String status, @Nullable String armCode) {}

    record StatusArmCount(@Id StatusArm id, long count) {}
}
