package org.researchportal.assessments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a tenant's instrument: a draft the designer edits, or a published version, which never changes again.
 * New entries use the newest published version; an entry keeps the version it was made with.
 */
@Document("instrument_versions")
@CompoundIndex(name = "tenant_code_number", def = "{'tenantId': 1, 'code': 1, 'number': 1}", unique = true)
@CompoundIndex(name = "tenant_made", def = "{'tenantId': 1, '_id': 1}")
class InstrumentVersion extends TenantOwnedDocument {

    enum Status {
        DRAFT, PUBLISHED
    }

    private String code;
    private int number;
    private Status status;
    private Instrument instrument;
    private Instant changedAt;
    private String changedBy;
    private @Nullable Instant publishedAt;
    private @Nullable String publishedBy;

    InstrumentVersion(String code, int number, Status status, Instrument instrument, Instant changedAt,
            String changedBy) {
        this.code = code;
        this.number = number;
        this.status = status;
        this.instrument = instrument;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    /** A version published as it is made (an instrument stored before versions becomes its version 1). */
    static InstrumentVersion published(Instrument instrument, int number, Instant at, String by) {
        InstrumentVersion version = new InstrumentVersion(instrument.code(), number, Status.PUBLISHED, instrument,
                at, by);
        version.publishedAt = at;
        version.publishedBy = by;
        return version;
    }

    String getCode() {
        return code;
    }

    int getNumber() {
        return number;
    }

    Status getStatus() {
        return status;
    }

    Instrument getInstrument() {
        return instrument;
    }

    InstrumentVersionRow toRow() {
        return new InstrumentVersionRow(code, number, status == Status.PUBLISHED, instrument, changedAt, changedBy,
                publishedAt, publishedBy);
    }
}
