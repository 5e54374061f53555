package org.researchportal.exercise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A logged session: the exercises done, minutes, perceived exertion (Borg CR10, 0-10), joint pain before and after
 * (0-10), a note, and whether something hurt enough to stop.
 */
public record SessionRecord(String id, LocalDate date, List<String> exercises, int minutes, int exertion,
        int painBefore, int painAfter, @Nullable String note, boolean safetyStop, Instant loggedAt) {}
