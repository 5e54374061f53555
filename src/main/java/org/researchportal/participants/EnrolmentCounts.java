package org.researchportal.participants;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.researchportal.base.security.Authorities;
import org.researchportal.study.StudySummary;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * How many participants a study holds, by status and arm, counted by the database: the clinician's enrolment figures,
 * the CONSORT diagram's boxes, and the status-only counts a blinded assessor may know.
 */
@Service
public class EnrolmentCounts {

    private final TenantDocuments documents;
    private final ParticipantReads reads;

    EnrolmentCounts(TenantDocuments documents, ParticipantReads reads) {
        this.documents = documents;
        this.reads = reads;
    }

    /** Participants by status and arm, and enrolment against the target. */
    @Secured(Authorities.CLINICIAN)
    public StudyProgress progress(String studyId) {
        StudySummary study = reads.requireStudy(studyId);
        Map<ParticipantStatus, Long> byStatus = reads.countByStatus(studyId);
        Map<String, Long> byArm = new LinkedHashMap<>();
        study.arms().forEach(arm -> byArm.put(arm.name(), 0L));
        for (ParticipantReads.Count count : documents.aggregate(Participant.class,
                List.of(match(Criteria.where("studyId").is(studyId).and("armCode").ne(null)),
                        group("armCode").count().as("count")),
                ParticipantReads.Count.class)) {
            study.arms().stream().filter(a -> a.code().equals(count.id())).findFirst()
                    .ifPresent(arm -> byArm.put(arm.name(), count.count()));
        }
        return new StudyProgress(byStatus, byArm, byStatus.getOrDefault(ParticipantStatus.ENROLLED, 0L),
                study.targetEnrolment());
    }

    /** Participants by status and arm, counted by the database: the CONSORT diagram reads no participant. */
    @Secured(Authorities.CLINICIAN)
    public List<AllocationCount> allocationCounts(String studyId) {
        reads.requireStudy(studyId);
        return documents.aggregate(Participant.class, List.of(match(Criteria.where("studyId").is(studyId)),
                group("status", "armCode").count().as("count")), ParticipantReads.StatusArmCount.class).stream()
                .map(c -> new AllocationCount(ParticipantStatus.valueOf(c.id().status()), c.id().armCode(),
                        c.count())).toList();
    }

    /** How many of these participants of a study each arm holds, by arm code. */
    @Secured(Authorities.CLINICIAN)
    public Map<String, Long> countByArm(String studyId, Collection<String> participantIds) {
        reads.requireStudy(studyId);
        Map<String, Long> counts = new HashMap<>();
        for (ParticipantReads.Count count : documents.aggregate(Participant.class, List.of(match(Criteria
                .where("studyId").is(studyId).and("armCode").ne(null).and("_id").in(participantIds.stream()
                        .filter(ObjectId::isValid).map(ObjectId::new).toList())),
                group("armCode").count().as("count")), ParticipantReads.Count.class)) {
            if (count.id() != null) {
                counts.put(count.id(), count.count());
            }
        }
        return counts;
    }

    /** Participants by status only: what a blinded assessor may know of enrolment. */
    @Secured({Authorities.ASSESSOR, Authorities.CLINICIAN})
    public Map<ParticipantStatus, Long> statusCounts(String studyId) {
        reads.requireStudy(studyId);
        return reads.countByStatus(studyId);
    }
}
