package org.researchportal.exercise;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a participant opened her exercise manual: when first and last, and how often. Her own use of the portal, no
 * health information; one document per participant, changed atomically, for the report of fidelity.
 */
@Document("manual_readings")
@CompoundIndex(name = "tenant_participant", def = "{'tenantId': 1, 'participantId': 1}", unique = true)
class ManualReading extends TenantOwnedDocument {

    private String participantId;
    private String studyId;
    private int opens;
    private Instant firstOpenedAt;
    private Instant lastOpenedAt;

    ManualReading() {
        // Created by an atomic upsert, never constructed by the portal.
    }

    String getParticipantId() {
        return participantId;
    }

    int getOpens() {
        return opens;
    }

    Instant getFirstOpenedAt() {
        return firstOpenedAt;
    }
}
