package org.researchportal.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The recorded assessments (one per participant, timepoint and instrument), in the tenant in scope. */
@Component
class AssessmentRecords {

    private final TenantDocuments documents;

    AssessmentRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    Assessment assessment(String assessmentId) {
        return documents.getById(assessmentId, Assessment.class);
    }

    Assessment add(Assessment assessment) {
        return documents.insert(assessment);
    }

    /** The one instrument recorded for a participant at a timepoint, if it is. */
    Optional<Assessment> assessment(String participantId, String timepoint, String instrument) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId).and("timepoint")
                .is(timepoint).and("instrument").is(instrument)), Assessment.class);
    }

    /** The instruments recorded for a participant at a timepoint, in one read of their codes alone. */
    Set<String> instrumentsRecorded(String participantId, String timepoint) {
        Query query = Query.query(Criteria.where("participantId").is(participantId).and("timepoint").is(timepoint));
        query.fields().include("instrument");
        return documents.find(query, Assessment.class).stream().map(Assessment::getInstrument)
                .collect(Collectors.toSet());
    }

    /** Every assessment of a study. */
    List<Assessment> ofStudy(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId)), Assessment.class);
    }

    /** A study's assessments at these timepoints. */
    List<Assessment> atTimepoints(String studyId, Collection<String> timepoints) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("timepoint").in(timepoints)),
                Assessment.class);
    }

    /** The assessments of some participants of a study, by participant, timepoint and instrument. */
    List<Assessment> ofParticipants(String studyId, Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("participantId")
                .in(participantIds)).with(Sort.by("participantId", "timepoint", "instrument")), Assessment.class);
    }

    /**
     * Changes a recorded assessment as read (same version); answers false when it was changed meanwhile.
     */
    boolean amend(Assessment read, LocalDate assessedOn, Map<String, String> answers, Map<String, Double> scores,
            String assessedBy, Instant recordedAt) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(read.requireId()).and("version")
                .is(read.getVersion())), new Update().set("assessedOn", assessedOn).set("answers", answers)
                        .set("scores", scores).set("assessedBy", assessedBy).set("recordedAt", recordedAt).inc(
                                "version", 1),
                Assessment.class) > 0;
    }
}
