package org.researchportal.exercise;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An alert as the therapist sees it: what, from which session, and once handled, by whom and with what note. */
public record AlertRecord(String id, ProgrammeAlert.Kind kind, LocalDate sessionDate, Instant raisedAt,
        @Nullable Instant handledAt, @Nullable String handledBy, @Nullable String handledNote) {

    public boolean open() {
        return handledAt == null;
    }
}
