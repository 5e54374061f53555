package org.researchportal.messaging;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A provider's webhook request already acted on, by the provider's own id for it (Twilio's message id, with the status
 * for a delivery report). The unique index makes a replayed or retried request, correctly signed or not, change
 * nothing a second time. Kept a month: far longer than Twilio retries, and a replay older than that still finds the
 * opt-out or delivery it would repeat already in place.
 */
@Document("webhook_receipts")
@CompoundIndex(name = "tenant_receipt", def = "{'tenantId': 1, 'receipt': 1}", unique = true)
class WebhookReceipt extends TenantOwnedDocument {

    private String receipt;
    @Indexed(expireAfter = "30d")
    private Instant receivedAt;

    WebhookReceipt(String receipt, Instant receivedAt) {
        this.receipt = receipt;
        this.receivedAt = receivedAt;
    }
}
