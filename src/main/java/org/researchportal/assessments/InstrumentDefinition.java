package org.researchportal.assessments;

import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant's stored instrument: the data an assessment form is drawn from and scored by. */
@Document("instruments")
@CompoundIndex(name = "tenant_code", def = "{'tenantId': 1, 'code': 1}", unique = true)
class InstrumentDefinition extends TenantOwnedDocument {

    private String code;
    private Instrument instrument;

    InstrumentDefinition(String code, Instrument instrument) {
        this.code = code;
        this.instrument = instrument;
    }

    String getCode() {
        return code;
    }

    Instrument getInstrument() {
        return instrument;
    }
}
