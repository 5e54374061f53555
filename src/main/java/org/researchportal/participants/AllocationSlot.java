package org.researchportal.participants;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One place of a study's allocation sequence. The arm is sealed (encrypted) so nobody reading the database can see
 * what comes next; a place is opened only when it is claimed for a participant, and a claimed place is never
 * released or changed.
 */
@Document("allocation_slots")
@CompoundIndex(name = "tenant_study_stratum_position",
        def = "{'tenantId': 1, 'studyId': 1, 'stratum': 1, 'position': 1}", unique = true)
@CompoundIndex(name = "tenant_study_participant", def = "{'tenantId': 1, 'studyId': 1, 'participantId': 1}")
class AllocationSlot extends TenantOwnedDocument {

    private String studyId;
    private String stratum;
    private int position;
    private int block;
    /** The batch it was written in (see AllocationBatch). */
    private int batch;
    private String sealedArm;
    private @Nullable String participantId;
    private @Nullable Instant claimedAt;

    AllocationSlot(String studyId, String stratum, int position, int block, int batch, String sealedArm) {
        this.studyId = studyId;
        this.stratum = stratum;
        this.position = position;
        this.block = block;
        this.batch = batch;
        this.sealedArm = sealedArm;
    }

    String getStratum() {
        return stratum;
    }

    int getPosition() {
        return position;
    }

    int getBlock() {
        return block;
    }

    String getSealedArm() {
        return sealedArm;
    }

    @Nullable
    String getParticipantId() {
        return participantId;
    }

    String getStudyId() {
        return studyId;
    }
}
