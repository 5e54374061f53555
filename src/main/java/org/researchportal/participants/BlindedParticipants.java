package org.researchportal.participants;

import java.util.Optional;
import org.researchportal.base.security.Authorities;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Randomised participants as a blinded assessor may see them: types that carry no arm at all. */
@Service
public class BlindedParticipants {

    private final ParticipantRecords records;
    private final ParticipantReads reads;

    BlindedParticipants(ParticipantRecords records, ParticipantReads reads) {
        this.records = records;
        this.reads = reads;
    }

    /**
     * The participants an assessor follows (randomised ones, whatever became of them), without their arm. Clinicians
     * may read it too: they see more than this anyway; the tenant administrator, for the edit checks' report.
     */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN})
    public Slice<BlindedParticipantRow> blindedParticipants(String studyId, Pageable pageable) {
        reads.requireStudy(studyId);
        return records.randomised(studyId, pageable).map(BlindedParticipants::blinded);
    }

    /** One enrolled or withdrawn participant, without their arm (for recording their assessments). */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public Optional<BlindedParticipantRow> blindedParticipant(String participantId) {
        return records.randomised(participantId).map(BlindedParticipants::blinded);
    }

    private static BlindedParticipantRow blinded(Participant p) {
        return new BlindedParticipantRow(p.requireId(), p.getStudyId(), p.getStudyNumber(), p.getDisplayName(),
                p.getStatus(), p.getEnrolledOn(), p.getConsent() == null ? null : p.getConsent().consentedOn(),
                ParticipantReads.leftOn(p));
    }
}
