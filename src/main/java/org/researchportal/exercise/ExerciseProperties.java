package org.researchportal.exercise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The exercise module's settings under {@code portal.exercise}, checked at start-up. */
@ConfigurationProperties("portal.exercise")
@Validated
public record ExerciseProperties(@Valid @DefaultValue Video video) {

    /** The largest video a therapist may upload, in bytes (200 MB by default). */
    public record Video(@DefaultValue("209715200") @Positive long maxBytes) {}
}
