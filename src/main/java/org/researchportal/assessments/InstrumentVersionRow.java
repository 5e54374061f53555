package org.researchportal.assessments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A version of an instrument as the designer lists it. */
public record InstrumentVersionRow(String code, int number, boolean published, Instrument instrument,
        Instant changedAt, String changedBy, @Nullable Instant publishedAt, @Nullable String publishedBy) {}
