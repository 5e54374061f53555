package org.researchportal.assessments;

import static org.researchportal.assessments.AssessmentService.ENTITY;
import static org.researchportal.assessments.AssessmentService.REASON_MAX_LENGTH;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Timepoints that will not be assessed (missed, or not done) and why, as the assessor records them. */
@Service
public class MissedVisits {

    private final TenantDocuments documents;
    private final BlindedParticipants participants;
    private final StudyService studies;
    private final AuditTrail audit;
    private final Clock clock;

    MissedVisits(TenantDocuments documents, BlindedParticipants participants, StudyService studies, AuditTrail audit,
            Clock clock) {
        this.documents = documents;
        this.participants = participants;
        this.studies = studies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records that a timepoint will not be assessed (missed, or not done) and why; a second call with another reason
     * changes the decision. A timepoint already fully assessed cannot be marked missed.
     */
    @Secured(Authorities.ASSESSOR)
    public MissedVisitRecord recordMissed(String participantId, String timepointCode, MissedVisitRecord.Kind kind,
            String reason) {
        BlindedParticipantRow participant = participants.blindedParticipant(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        Timepoint timepoint = studies.schedule(participant.studyId()).stream()
                .filter(t -> t.code().equals(timepointCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("Timepoint", timepointCode));
        if (Inputs.isBlankOrLonger(reason, REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        long assessed = timepoint.instruments().stream()
                .filter(code -> documents.exists(AssessmentService.key(participantId, timepointCode, code),
                        Assessment.class)).count();
        if (assessed == timepoint.instruments().size()) {
            throw ValidationException.of("reason", "assessment.missed.already-assessed");
        }
        Query key = Query.query(Criteria.where("participantId").is(participantId).and("timepoint").is(timepointCode));
        Optional<MissedVisit> existing = documents.findOne(key, MissedVisit.class);
        String by = CurrentUser.require().username();
        if (existing.isEmpty()) {
            try {
                MissedVisit created = documents.insert(new MissedVisit(participant.studyId(), participantId,
                        timepointCode, kind, reason.trim(), by, clock.instant()));
                audit.record("assessment.visit-missed", ENTITY, participantId + "/" + timepointCode, null,
                        created.toRecord(), reason.trim());
                return created.toRecord();
            } catch (DuplicateKeyException recordedMeanwhile) {
                throw ValidationException.of("reason", "assessment.changed-meanwhile");
            }
        }
        MissedVisitRecord before = existing.get().toRecord();
        documents.updateFirst(Query.query(Criteria.where("_id").is(before.id())), new Update().set("kind", kind)
                .set("reason", reason.trim()).set("recordedBy", by).set("recordedAt", clock.instant())
                .inc("version", 1), MissedVisit.class);
        MissedVisitRecord after = documents.getById(before.id(), MissedVisit.class).toRecord();
        audit.record("assessment.visit-missed", ENTITY, participantId + "/" + timepointCode, before, after,
                reason.trim());
        return after;
    }

    /** The timepoints recorded as missed or not done for some participants of a study (an export's page of them). */
    @Secured({Authorities.ASSESSOR, Authorities.CLINICIAN})
    public List<MissedVisitRecord> missedVisitsOf(String studyId, Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("participantId")
                .in(participantIds)), MissedVisit.class).stream().map(MissedVisit::toRecord).toList();
    }
}
