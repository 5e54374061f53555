package org.researchportal.assessments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An adverse event as a blinded monitor may read it: when it began and ended, how severe and serious it was and how
 * it ended. Its description, body site, relatedness to the programme and the action taken are not here by
 * construction: each can tell which arm the participant is in ("pain after the squats", "programme paused").
 *
 * @param serious serious as reported, or of CTCAE grade 4 or 5
 */
public record BlindedAdverseEvent(String id, String participantId, @Nullable LocalDate onset,
        @Nullable LocalDate resolvedOn, @Nullable Integer grade, boolean serious, AdverseEventReport.Outcome outcome) {}
