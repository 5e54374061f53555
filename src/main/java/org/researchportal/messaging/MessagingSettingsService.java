package org.researchportal.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.SealedValues;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * A tenant's messaging providers, set by its administrator: the Twilio account, auth token (stored sealed, never
 * shown again) and a messaging service or sender number, and the email sender address. Audited without the token.
 */
@Service
public class MessagingSettingsService {

    /** What the administrator sees: everything but the token, which only says whether it is set. */
    public record Summary(@Nullable String twilioAccountSid, boolean authTokenSet, @Nullable String messagingServiceSid,
            @Nullable String smsFrom, @Nullable String emailFrom) {}

    private final MessagingSettingsRecords records;
    private final SealedValues sealed;
    private final AuditTrail audit;
    private final Clock clock;
    private final PhoneNumbers phones;

    MessagingSettingsService(MessagingSettingsRecords records, SealedValues sealed, AuditTrail audit, Clock clock,
            PhoneNumbers phones) {
        this.records = records;
        this.sealed = sealed;
        this.audit = audit;
        this.clock = clock;
        this.phones = phones;
    }

    /** Saves the providers; a blank token keeps the one already stored. */
    @Secured(Authorities.TENANT_ADMIN)
    public Summary save(@Nullable String accountSid, @Nullable String authToken, @Nullable String messagingServiceSid,
            @Nullable String smsFrom, @Nullable String emailFrom) {
        String account = Inputs.blankToNull(accountSid);
        String service = Inputs.blankToNull(messagingServiceSid);
        String typedFrom = Inputs.blankToNull(smsFrom);
        // The sender number read with the portal's one phone parser and kept in E.164, as Twilio wants it.
        String from = typedFrom == null ? null : phones.normalise(typedFrom).orElse(typedFrom);
        String email = Inputs.blankToNull(emailFrom);
        MessagingSettings current = stored();
        boolean tokenWillBeSet = (authToken != null && !authToken.isBlank())
                || (current != null && current.getSealedAuthToken() != null);
        Map<String, String> errors = refusals(records.tenantInScope(), account, authToken, tokenWillBeSet,
                service, from, email);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String token = authToken == null || authToken.isBlank()
                ? (current == null ? null : current.getSealedAuthToken()) : sealed.seal(authToken.trim());
        Summary before = current == null ? null : summary(current);
        MessagingSettings saved;
        if (current == null) {
            saved = records.add(new MessagingSettings(account, token, service, from, email,
                    CurrentUser.require().username(), clock.instant()));
        } else {
            saved = records.change(current.requireId(), account, token, service, from, email,
                    CurrentUser.require().username(), clock.instant());
        }
        Summary after = summary(saved);
        audit.record("messaging.settings-saved", "MessagingSettings", saved.requireId(), before, after, null);
        return after;
    }

    /**
     * What is refused in a tenant's providers, whether its administrator saves them or they arrive in a tenant
     * archive: the identifiers' forms, what goes together, and an account that another tenant uses already.
     */
    Map<String, String> refusals(String tenantId, @Nullable String account, @Nullable String authToken,
            boolean tokenWillBeSet, @Nullable String service, @Nullable String from, @Nullable String email) {
        Map<String, String> errors = new HashMap<>();
        if (account != null && !account.matches("AC[0-9a-fA-F]{32}")) {
            errors.put("accountSid", "messaging.account-sid.invalid");
        }
        if (account != null && records.tenantsUsingAccount(account).stream()
                .anyMatch(owner -> !owner.equals(tenantId))) {
            // Webhooks find their institution by the account: two institutions on one account would lose replies.
            errors.put("accountSid", "messaging.account-sid.taken");
        }
        if (service != null && !service.matches("MG[0-9a-fA-F]{32}")) {
            errors.put("messagingServiceSid", "messaging.service-sid.invalid");
        }
        if (from != null && !from.matches("\\+[1-9][0-9]{6,14}")) {
            errors.put("smsFrom", "messaging.sms-from.invalid");
        }
        if (!Inputs.isOptionalEmail(email)) {
            errors.put("emailFrom", "messaging.email-from.invalid");
        }
        if (authToken != null && !authToken.isBlank() && !authToken.trim().matches("[0-9a-zA-Z]{16,64}")) {
            errors.put("authToken", "messaging.auth-token.invalid");
        }
        if (account != null && !tokenWillBeSet) {
            errors.putIfAbsent("authToken", "messaging.auth-token.required");
        }
        if (account != null && service == null && from == null) {
            // Twilio sends either through a messaging service or from a number of the account.
            errors.putIfAbsent("messagingServiceSid", "messaging.sender.required");
        }
        if (account == null && (service != null || from != null || (authToken != null && !authToken.isBlank()))) {
            errors.putIfAbsent("accountSid", "messaging.account-sid.required");
        }
        return errors;
    }

    @Secured(Authorities.TENANT_ADMIN)
    public @Nullable Summary current() {
        MessagingSettings settings = stored();
        return settings == null ? null : summary(settings);
    }

    /** The providers with the token opened, for the dispatcher of this tenant only. */
    ProviderSettings providers() {
        MessagingSettings s = stored();
        if (s == null) {
            return ProviderSettings.NONE;
        }
        return new ProviderSettings(s.getTwilioAccountSid(), s.getSealedAuthToken() == null ? null
                : sealed.open(s.getSealedAuthToken()), s.getMessagingServiceSid(), s.getSmsFrom(), s.getEmailFrom());
    }

    private @Nullable MessagingSettings stored() {
        return records.stored().orElse(null);
    }

    private static Summary summary(MessagingSettings s) {
        return new Summary(s.getTwilioAccountSid(), s.getSealedAuthToken() != null, s.getMessagingServiceSid(),
                s.getSmsFrom(), s.getEmailFrom());
    }
}
