package org.researchportal.participants;

import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A per-study running number (screening numbers, study numbers), advanced atomically. */
@Document("study_counters")
@CompoundIndex(name = "tenant_study_name", def = "{'tenantId': 1, 'studyId': 1, 'name': 1}", unique = true)
class StudyCounter extends TenantOwnedDocument {

    private String studyId;
    private String name;
    private long value;

    StudyCounter(String studyId, String name, long value) {
        this.studyId = studyId;
        this.name = name;
        this.value = value;
    }

    long getValue() {
        return value;
    }

    String getStudyId() {
        return studyId;
    }

    String getName() {
        return name;
    }
}
