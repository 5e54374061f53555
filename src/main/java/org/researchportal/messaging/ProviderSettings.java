package org.researchportal.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's providers as the dispatcher uses them, with the auth token opened: Twilio's account, token and either a
 * messaging service or a sender number, and the email sender address. Never shown or logged.
 */
record ProviderSettings(@Nullable String twilioAccountSid, @Nullable String twilioAuthToken,
        @Nullable String messagingServiceSid, @Nullable String smsFrom, @Nullable String emailFrom) {

    static final ProviderSettings NONE = new ProviderSettings(null, null, null, null, null);

    boolean hasTwilio() {
        return twilioAccountSid != null && twilioAuthToken != null
                && (messagingServiceSid != null || smsFrom != null);
    }

    @Override
    public String toString() {
        return "ProviderSettings[account=" + twilioAccountSid + ", token hidden]";
    }
}
