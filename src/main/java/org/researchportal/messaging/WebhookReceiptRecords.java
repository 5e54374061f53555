package org.researchportal.messaging;

import java.time.Instant;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The provider's webhook requests already acted on, in the tenant in scope (see {@link WebhookReceipt}). */
@Component
class WebhookReceiptRecords {

    private final TenantDocuments documents;

    WebhookReceiptRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /** Keeps the receipt; answers false when it was already kept (the unique index decides, also for two at once). */
    boolean firstTime(String receipt, Instant at) {
        try {
            documents.insert(new WebhookReceipt(receipt, at));
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    /** Forgets a receipt whose work failed after all, so the provider's retry is acted on. */
    void forget(String receipt) {
        documents.remove(Query.query(Criteria.where("receipt").is(receipt)), WebhookReceipt.class);
    }
}
