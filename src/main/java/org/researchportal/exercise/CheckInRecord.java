package org.researchportal.exercise;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A weekly check-in as answered: the week (from its Monday), pain, stiffness, and still on the aromatase inhibitor. */
public record CheckInRecord(String id, LocalDate weekStart, int jointPain, int stiffness,
        boolean takingAromataseInhibitor, @Nullable String note, Instant answeredAt) {}
