package org.researchportal.participants;

import org.jspecify.annotations.Nullable;

/** How many participants of a study have a status in an arm ({@code null}: never allocated). */
public record AllocationCount(ParticipantStatus status, @Nullable String armCode, long count) {}
