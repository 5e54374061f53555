package org.researchportal.exercise;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A study's exercise intervention as delivered: its current manual (exercises with their dosage and progression,
 * guidance pages, templates), or none yet, and every participant's programme with what the app recorded of it.
 */
public record ProgrammeDelivery(@Nullable ExerciseManual manual, List<DeliveredProgramme> programmes) {}
