package org.researchportal.assessments;

import static org.researchportal.assessments.AssessmentService.ENTITY;
import static org.researchportal.assessments.AssessmentService.REASON_MAX_LENGTH;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Timepoints that will not be assessed (missed, or not done) and why, as the assessor records them. */
@Service
public class MissedVisits {

    private final MissedVisitRecords missedVisits;
    private final AssessmentRecords assessments;
    private final BlindedParticipants participants;
    private final StudyService studies;
    private final AuditTrail audit;
    private final ClinicalRecordLocks locks;
    private final Clock clock;

    MissedVisits(MissedVisitRecords missedVisits, AssessmentRecords assessments, BlindedParticipants participants,
            StudyService studies, AuditTrail audit, ClinicalRecordLocks locks, Clock clock) {
        this.locks = locks;
        this.missedVisits = missedVisits;
        this.assessments = assessments;
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
        // The timepoint as a whole: held by the study's lock and the participant's, not by one form's.
        locks.requireWritable(ClinicalForm.instrument(participant.studyId(), participantId, timepointCode, "*"));
        Set<String> recorded = assessments.instrumentsRecorded(participantId, timepointCode);
        long assessed = timepoint.instruments().stream().filter(recorded::contains).count();
        if (assessed == timepoint.instruments().size()) {
            throw ValidationException.of("reason", "assessment.missed.already-assessed");
        }
        Optional<MissedVisit> existing = missedVisits.missedVisit(participantId, timepointCode);
        String by = CurrentUser.require().username();
        if (existing.isEmpty()) {
            try {
                MissedVisit created = missedVisits.add(new MissedVisit(participant.studyId(), participantId,
                        timepointCode, kind, reason.trim(), by, clock.instant()));
                audit.record("assessment.visit-missed", ENTITY, participantId + "/" + timepointCode, null,
                        created.toRecord(), reason.trim());
                return created.toRecord();
            } catch (DuplicateKeyException recordedMeanwhile) {
                throw ValidationException.of("reason", "assessment.changed-meanwhile");
            }
        }
        MissedVisitRecord before = existing.get().toRecord();
        missedVisits.amend(before.id(), kind, reason.trim(), by, clock.instant());
        MissedVisitRecord after = missedVisits.missedVisit(before.id()).toRecord();
        audit.record("assessment.visit-missed", ENTITY, participantId + "/" + timepointCode, before, after,
                reason.trim());
        return after;
    }

    /** The timepoints recorded as missed or not done for some participants of a study (an export's page of them). */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public List<MissedVisitRecord> missedVisitsOf(String studyId, Collection<String> participantIds) {
        return missedVisits.ofParticipants(studyId, participantIds).stream().map(MissedVisit::toRecord).toList();
    }
}
