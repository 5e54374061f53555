package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.List;

/** The participant's exercises for a day, each with its content from the manual edition the programme follows. */
public record TodayPlan(LocalDate date, boolean programmeDay, List<PlannedExercise> exercises,
        boolean alreadyLogged) {

    public record PlannedExercise(ManualExercise exercise, Dosage dosage, int level) {}
}
