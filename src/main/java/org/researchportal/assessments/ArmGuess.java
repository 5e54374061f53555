package org.researchportal.assessments;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** The assessor's guess of a participant's arm at one follow-up timepoint (see {@link ArmGuessRecord}). */
@Document("arm_guesses")
@CompoundIndex(name = "tenant_participant_timepoint", def = "{'tenantId': 1, 'participantId': 1, 'timepoint': 1}",
        unique = true)
@CompoundIndex(name = "tenant_study", def = "{'tenantId': 1, 'studyId': 1}")
class ArmGuess extends TenantOwnedDocument {

    private String studyId;
    private String participantId;
    private String timepoint;
    private String guess;
    private String recordedBy;
    private Instant recordedAt;

    ArmGuess(String studyId, String participantId, String timepoint, String guess, String recordedBy,
            Instant recordedAt) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.timepoint = timepoint;
        this.guess = guess;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    ArmGuessRecord toRecord() {
        return new ArmGuessRecord(requireId(), studyId, participantId, timepoint, guess, recordedBy, recordedAt);
    }
}
