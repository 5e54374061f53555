package org.researchportal.analysis;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** The team's text for one CERT item of a study: one document per study and item, versioned. */
@Document("cert_texts")
@CompoundIndex(name = "tenant_study_item", def = "{'tenantId': 1, 'studyId': 1, 'item': 1}", unique = true)
class CertText extends TenantOwnedDocument {

    private String studyId;
    private String item;
    private String text;
    private String updatedBy;
    private Instant updatedAt;

    CertText(String studyId, String item, String text, String updatedBy, Instant updatedAt) {
        this.studyId = studyId;
        this.item = item;
        this.text = text;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    String getStudyId() {
        return studyId;
    }

    String getItem() {
        return item;
    }

    String getText() {
        return text;
    }

    CertTeamText toTeamText() {
        Long version = getVersion();
        return new CertTeamText(text, version == null ? 0 : version, updatedBy, updatedAt);
    }
}
