package org.researchportal.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The tenant's messaging providers (one settings document per tenant), in the tenant in scope. */
@Component
class MessagingSettingsRecords {

    private final TenantDocuments documents;

    MessagingSettingsRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    String tenantInScope() {
        return documents.currentTenantId();
    }

    Optional<MessagingSettings> stored() {
        return documents.findOne(new Query(), MessagingSettings.class);
    }

    MessagingSettings add(MessagingSettings settings) {
        return documents.insert(settings);
    }

    /** Replaces the providers of the stored settings (the sealed token as given); answers them as now stored. */
    MessagingSettings change(String settingsId, @Nullable String accountSid, @Nullable String sealedAuthToken,
            @Nullable String messagingServiceSid, @Nullable String smsFrom, @Nullable String emailFrom,
            String updatedBy, Instant at) {
        documents.updateFirst(Query.query(Criteria.where("_id").is(settingsId)), new Update()
                .set("twilioAccountSid", accountSid).set("sealedAuthToken", sealedAuthToken)
                .set("messagingServiceSid", messagingServiceSid).set("smsFrom", smsFrom).set("emailFrom", emailFrom)
                .set("updatedBy", updatedBy).set("updatedAt", at).inc("version", 1), MessagingSettings.class);
        return documents.getById(settingsId, MessagingSettings.class);
    }

    /**
     * The tenants whose providers name this Twilio account. A lookup across tenants: a webhook names its account
     * and nothing else, and one account belongs to one institution.
     */
    List<String> tenantsUsingAccount(String accountSid) {
        return documents.tenantsWith(MessagingSettings.class, "twilioAccountSid", accountSid);
    }
}
