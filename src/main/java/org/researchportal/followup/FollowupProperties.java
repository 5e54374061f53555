package org.researchportal.followup;

import jakarta.validation.Valid;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Follow-up calls' settings under {@code portal.followup}, checked at start-up. */
@ConfigurationProperties("portal.followup")
@Validated
public record FollowupProperties(@Valid @DefaultValue Planning planning) {

    /** How often follow-up calls are planned (the schedule reads the same property). */
    public record Planning(@DefaultValue("PT6H") @DurationMin(seconds = 1) Duration every) {}
}
