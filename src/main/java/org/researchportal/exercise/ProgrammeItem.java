package org.researchportal.exercise;

/** One exercise of a participant's programme, with its dosage and progression level (1 to 3). */
public record ProgrammeItem(String exercise, Dosage dosage, int level) {

    public static final int MAX_LEVEL = 3;
}
