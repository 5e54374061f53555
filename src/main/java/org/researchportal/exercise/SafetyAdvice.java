package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a participant is told after a session that broke the manual's stop rule (a rise in pain) or that they stopped
 * for safety: what happened, what the manual says to do, and how to reach the study team, whose therapist has been
 * alerted.
 *
 * @param stopRules the manual's stop rules of the exercises done, each once
 */
public record SafetyAdvice(LocalDate sessionDate, boolean safetyStop, boolean painRise, int painBefore,
        int painAfter, List<Text> stopRules, @Nullable String teamPhone, @Nullable String teamEmail) {}
