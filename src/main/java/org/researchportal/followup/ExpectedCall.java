package org.researchportal.followup;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * A call expected on a day of the participant's calendar: at the time they asked to be called back, or within their
 * preferred call time (free text as they gave it, "Weekdays 14:00-17:00").
 */
public record ExpectedCall(String callId, String participantId, LocalDate day, @Nullable LocalTime callBackAt,
        @Nullable String preferredCallTime) {}
