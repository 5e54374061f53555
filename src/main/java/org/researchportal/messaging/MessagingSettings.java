package org.researchportal.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A tenant's messaging providers. The Twilio auth token is sealed (AES-GCM, key from the environment). */
@Document("messaging_settings")
@CompoundIndex(name = "tenant_once", def = "{'tenantId': 1}", unique = true)
class MessagingSettings extends TenantOwnedDocument {

    private @Nullable String twilioAccountSid;
    private @Nullable String sealedAuthToken;
    private @Nullable String messagingServiceSid;
    private @Nullable String smsFrom;
    private @Nullable String emailFrom;
    private String updatedBy;
    private Instant updatedAt;

    MessagingSettings(@Nullable String twilioAccountSid, @Nullable String sealedAuthToken,
            @Nullable String messagingServiceSid, @Nullable String smsFrom, @Nullable String emailFrom,
            String updatedBy, Instant updatedAt) {
        this.twilioAccountSid = twilioAccountSid;
        this.sealedAuthToken = sealedAuthToken;
        this.messagingServiceSid = messagingServiceSid;
        this.smsFrom = smsFrom;
        this.emailFrom = emailFrom;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    @Nullable
    String getTwilioAccountSid() {
        return twilioAccountSid;
    }

    @Nullable
    String getSealedAuthToken() {
        return sealedAuthToken;
    }

    @Nullable
    String getMessagingServiceSid() {
        return messagingServiceSid;
    }

    @Nullable
    String getSmsFrom() {
        return smsFrom;
    }

    @Nullable
    String getEmailFrom() {
        return emailFrom;
    }
}
