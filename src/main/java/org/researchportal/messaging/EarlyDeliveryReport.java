package org.researchportal.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delivery report that arrived before the dispatcher had written the message as sent (the provider can answer
 * faster than our own write). Deleted once the dispatcher applies it; one whose message never turns up (another
 * installation's account) expires after two days.
 */
@Document("early_delivery_reports")
@CompoundIndex(name = "tenant_provider", def = "{'tenantId': 1, 'providerId': 1}")
class EarlyDeliveryReport extends TenantOwnedDocument {

    private String providerId;
    private String providerStatus;
    private @Nullable String errorCode;
    @Indexed(expireAfter = "2d")
    private Instant receivedAt;

    EarlyDeliveryReport(String providerId, String providerStatus, @Nullable String errorCode, Instant receivedAt) {
        this.providerId = providerId;
        this.providerStatus = providerStatus;
        this.errorCode = errorCode;
        this.receivedAt = receivedAt;
    }

    String getProviderId() {
        return providerId;
    }

    String getProviderStatus() {
        return providerStatus;
    }

    @Nullable
    String getErrorCode() {
        return errorCode;
    }
}
