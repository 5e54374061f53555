package org.researchportal.messaging;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.researchportal.tenancy.ArchiveRules;
import org.springframework.stereotype.Component;

/**
 * A tenant's messaging providers arriving in an archive: checked as {@link MessagingSettingsService} checks them when
 * saved, so a Twilio account another tenant here uses is refused (its webhooks would no longer find their tenant).
 * The settings were last written by the import, and say so.
 */
@Component
class MessagingSettingsArchiveRules implements ArchiveRules {

    private final MessagingSettingsService settings;

    MessagingSettingsArchiveRules(MessagingSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public String collection() {
        return "messaging_settings";
    }

    @Override
    public Optional<String> refusal(String tenantId, List<Document> documents) {
        if (documents.size() > 1) {
            return Optional.of("tenant.archive.invalid");
        }
        for (Document stored : documents) {
            Map<String, String> refused;
            try {
                refused = settings.refusals(tenantId, text(stored, "twilioAccountSid"), null,
                        text(stored, "sealedAuthToken") != null, text(stored, "messagingServiceSid"),
                        text(stored, "smsFrom"), text(stored, "emailFrom"));
            } catch (ClassCastException notText) {
                return Optional.of("tenant.archive.invalid");
            }
            if ("messaging.account-sid.taken".equals(refused.get("accountSid"))) {
                return Optional.of("tenant.archive.provider-taken");
            }
            if (!refused.isEmpty()) {
                return Optional.of("tenant.archive.invalid");
            }
        }
        return Optional.empty();
    }

    @Override
    public Document imported(Document archived, String importedBy, Instant at) {
        var imported = new Document(archived);
        imported.put("updatedBy", importedBy);
        imported.put("updatedAt", Date.from(at));
        return imported;
    }

    private static @Nullable String text(Document document, String field) {
        return (String) document.get(field);
    }
}
