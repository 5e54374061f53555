package org.researchportal.participants;

import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Marks a batch of allocation places as completely written. Places are claimed only from complete batches, so an
 * extension interrupted half-way (no transactions here) never puts a partial, unbalanced block into use.
 */
@Document("allocation_batches")
@CompoundIndex(name = "tenant_study_stratum_batch", def = "{'tenantId': 1, 'studyId': 1, 'stratum': 1, 'batch': 1}",
        unique = true)
class AllocationBatch extends TenantOwnedDocument {

    private String studyId;
    private String stratum;
    private int batch;

    AllocationBatch(String studyId, String stratum, int batch) {
        this.studyId = studyId;
        this.stratum = stratum;
        this.batch = batch;
    }

    int getBatch() {
        return batch;
    }

    String getStudyId() {
        return studyId;
    }

    String getStratum() {
        return stratum;
    }
}
