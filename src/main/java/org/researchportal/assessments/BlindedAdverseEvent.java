package org.researchportal.assessments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An adverse event as a blinded reader (the monitor) may see it: when, how bad, whether serious and how it ended. No
 * description, relatedness or action: those speak of the exercise programme and would tell the arm.
 */
public record BlindedAdverseEvent(String id, String participantId, @Nullable LocalDate onset,
        @Nullable LocalDate resolvedOn, @Nullable Integer grade, boolean serious, AdverseEventReport.Outcome outcome) {}
