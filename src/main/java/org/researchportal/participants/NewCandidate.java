package org.researchportal.participants;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A person entered into the screening log: who they are and how to reach them. */
public record NewCandidate(String displayName, LocalDate screenedOn, @Nullable String phone, @Nullable String email,
        String language, String timeZone, @Nullable String preferredCallTime) {}
