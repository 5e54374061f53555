package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a participant enters to log a session. */
public record SessionEntry(LocalDate date, List<String> exercises, int minutes, int exertion, int painBefore,
        int painAfter, @Nullable String note, boolean safetyStop) {}
