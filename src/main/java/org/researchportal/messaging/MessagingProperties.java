package org.researchportal.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Messaging's installation settings under {@code portal.messaging} (the providers' accounts are per tenant, in
 * {@link MessagingSettings}). Checked at start-up: a lease or link lifetime of zero or less would make every message
 * look abandoned or every link expired, so it stops the portal instead.
 */
@ConfigurationProperties("portal.messaging")
@Validated
public record MessagingProperties(@DefaultValue("research-portal@localhost") @NotBlank String emailFrom,
        @DefaultValue("PT2M") @DurationMin(seconds = 1) Duration lease,
        @DefaultValue("true") boolean captureSmsWithoutAccount, @Valid @DefaultValue ParticipantLinks participantLinks,
        @Valid @DefaultValue Twilio twilio, @Valid @DefaultValue Planning planning) {

    /** How long a link in a message signs its participant in, counted from when the message goes out. */
    public record ParticipantLinks(@DefaultValue("PT72H") @DurationMin(minutes = 1) Duration validFor) {}

    /** Twilio's API address (empty: Twilio's own; tests point it at a stand-in) and how long a call may take. */
    public record Twilio(@DefaultValue("") String apiBase, @DefaultValue("PT15S") @DurationMin(
            seconds = 1) Duration timeout) {}

    /** How often reminders are planned ahead. */
    public record Planning(@DefaultValue("PT6H") @DurationMin(seconds = 1) Duration every) {}
}
