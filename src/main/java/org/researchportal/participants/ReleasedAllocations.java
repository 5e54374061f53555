package org.researchportal.participants;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The allocation released for analysis: once a study's database is locked nothing in it can change, so the blinded
 * readers (assessors, monitors) may learn each participant's arm, in the study's exports. Before the lock it is
 * refused: blinding holds for as long as the data can still change.
 */
@Service
public class ReleasedAllocations {

    private final ParticipantRecords records;
    private final ParticipantReads reads;
    private final ClinicalRecordLocks locks;

    ReleasedAllocations(ParticipantRecords records, ParticipantReads reads, ClinicalRecordLocks locks) {
        this.records = records;
        this.reads = reads;
        this.locks = locks;
    }

    /** Whether the study's allocation is released: its database is locked. */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public boolean released(String studyId) {
        reads.requireStudy(studyId);
        return locks.studyLocked(studyId);
    }

    /** The arm code of each of these participants of a locked study who was allocated one. */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public Map<String, String> armCodes(String studyId, Collection<String> participantIds) {
        reads.requireStudy(studyId);
        if (!locks.studyLocked(studyId)) {
            throw ValidationException.of("study", "allocation.blinded-until-lock");
        }
        Map<String, String> arms = new HashMap<>();
        for (Participant p : records.participants(participantIds)) {
            if (studyId.equals(p.getStudyId()) && p.getArmCode() != null) {
                arms.put(p.requireId(), p.getArmCode());
            }
        }
        return arms;
    }
}
