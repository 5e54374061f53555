package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.List;

/** One participant's programme day: which week of their programme it falls in, and the exercises prescribed. */
public record ProgrammeDay(String participantId, LocalDate date, String studyId, int week, List<String> exercises) {}
