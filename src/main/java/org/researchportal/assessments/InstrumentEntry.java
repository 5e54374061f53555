package org.researchportal.assessments;

import org.jspecify.annotations.Nullable;

/** An instrument's form for one participant at one timepoint: the version it is drawn from, and the entry if made. */
public record InstrumentEntry(Instrument instrument, int version, @Nullable AssessmentRecord saved) {}
