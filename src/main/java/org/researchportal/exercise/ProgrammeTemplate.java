package org.researchportal.exercise;

import java.util.List;

/** A standard programme a therapist prescribes from: which exercises of the manual, and how many days a week. */
public record ProgrammeTemplate(String code, Text name, List<String> exercises, int sessionsPerWeek) {}
