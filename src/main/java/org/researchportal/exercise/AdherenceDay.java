package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.List;

/**
 * One prescribed programme day as adherence counts it: the prescription in force that day (the exercises with their
 * dosage and level, as the therapist had set them by then), the prescribed exercises logged that day (in any of the
 * day's sessions), the minutes and sessions logged, and whether it counts as a session done by the study's rule.
 */
public record AdherenceDay(LocalDate date, String prescription, int exercisesPrescribed, List<String> exercisesDone,
        int minutes, int sessionsLogged, boolean sessionDone) {}
