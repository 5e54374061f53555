package org.researchportal.messaging;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A phone number's own answer by SMS: STOP (no more SMS from this institution) or START again. Kept per number, as
 * the carrier keeps it, and checked before every SMS is sent.
 */
@Document("sms_opt_outs")
@CompoundIndex(name = "tenant_phone_lookup", def = "{'tenantId': 1, 'phoneLookup': 1}", unique = true)
class SmsOptOut extends TenantOwnedDocument {

    /** The number's keyed hash, never the number: all a STOP needs is to be found again. */
    private String phoneLookup;
    private boolean optedOut;
    private String keyword;
    private Instant changedAt;

    SmsOptOut(String phoneLookup, boolean optedOut, String keyword, Instant changedAt) {
        this.phoneLookup = phoneLookup;
        this.optedOut = optedOut;
        this.keyword = keyword;
        this.changedAt = changedAt;
    }

    String getPhoneLookup() {
        return phoneLookup;
    }

    boolean isOptedOut() {
        return optedOut;
    }
}
