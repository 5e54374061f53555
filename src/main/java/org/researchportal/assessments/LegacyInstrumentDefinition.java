package org.researchportal.assessments;

import org.bson.Document;
import org.researchportal.tenancy.TenantOwnedDocument;

/**
 * An instrument as installations stored it before instruments had versions (one document per code, scores by rule).
 * Read only to become version 1 ({@link InstrumentsBeforeVersions}), then removed.
 */
@org.springframework.data.mongodb.core.mapping.Document("instruments")
class LegacyInstrumentDefinition extends TenantOwnedDocument {

    private String code;
    private Document instrument;

    LegacyInstrumentDefinition(String code, Document instrument) {
        this.code = code;
        this.instrument = instrument;
    }

    String getCode() {
        return code;
    }

    Document getInstrument() {
        return instrument;
    }
}
