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
@CompoundIndex(name = "tenant_phone", def = "{'tenantId': 1, 'phone': 1}", unique = true)
public class SmsOptOut extends TenantOwnedDocument {

    private String phone;
    private boolean optedOut;
    private String keyword;
    private Instant changedAt;

    SmsOptOut(String phone, boolean optedOut, String keyword, Instant changedAt) {
        this.phone = phone;
        this.optedOut = optedOut;
        this.keyword = keyword;
        this.changedAt = changedAt;
    }

    boolean isOptedOut() {
        return optedOut;
    }
}
