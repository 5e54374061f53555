package org.researchportal.study;

import java.util.List;

/**
 * An assessment timepoint of the study's schedule, e.g. RE-MS week 6: due {@code dayOffset} days after enrolment,
 * acceptable from {@code windowBefore} days before to {@code windowAfter} days after, with the instruments to record.
 */
public record Timepoint(String code, String label, String labelZh, int dayOffset, int windowBefore, int windowAfter,
        List<String> instruments) {}
