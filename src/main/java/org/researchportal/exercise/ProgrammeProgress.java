package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.participants.ParticipantRef;

/**
 * A participant's progress for their therapist: every week since the programme started (weeks without sessions
 * included, so a gap shows as a gap), the pain baseline the alerts compare with, and the weekly check-ins.
 */
public record ProgrammeProgress(ParticipantRef participant, LocalDate startDate, List<WeekFigures> weeks,
        @Nullable Double painBaseline, List<CheckInRecord> checkIns) {

    public int sessionDays() {
        return weeks.stream().mapToInt(WeekFigures::sessionDays).sum();
    }

    public int planned() {
        return weeks.stream().mapToInt(WeekFigures::planned).sum();
    }

    public int minutes() {
        return weeks.stream().mapToInt(WeekFigures::minutes).sum();
    }

    /** The pain at which a session raises an alert (the alert rule's own threshold), once there is a baseline. */
    public @Nullable Double alertThreshold() {
        return painBaseline == null ? null : painBaseline + AlertRules.PAIN_RISE;
    }
}
