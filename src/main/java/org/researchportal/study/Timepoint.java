package org.researchportal.study;

import java.util.List;

/**
 * An assessment timepoint of the study's schedule, e.g. RE-MS week 6: due {@code dayOffset} days after enrolment,
 * acceptable from {@code windowBefore} days before to {@code windowAfter} days after, with the instruments to record
 * and, among them, those the participant completes herself (the rest the blinded assessor records).
 */
public record Timepoint(String code, String label, String labelZh, int dayOffset, int windowBefore, int windowAfter,
        List<String> instruments, List<String> completedByParticipant) {

    public Timepoint {
        // Schedules saved before the schedule said who completes each instrument: the assessor records them all.
        completedByParticipant = completedByParticipant == null ? List.of() : List.copyOf(completedByParticipant);
    }

    /** A timepoint whose instruments the assessor records. */
    public Timepoint(String code, String label, String labelZh, int dayOffset, int windowBefore, int windowAfter,
            List<String> instruments) {
        this(code, label, labelZh, dayOffset, windowBefore, windowAfter, instruments, List.of());
    }

    /** Whether the participant completes this instrument herself at this timepoint. */
    public boolean byParticipant(String instrument) {
        return completedByParticipant.contains(instrument);
    }
}
