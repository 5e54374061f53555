package org.researchportal.assessments;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One participant's timepoint on the assessor's worklist: when it falls due, its window, and how far it is done. */
public record DueAssessment(String participantId, String studyId, @Nullable String studyNumber, String displayName,
        String timepoint, String timepointLabel, LocalDate dueOn, LocalDate windowOpens, LocalDate windowCloses,
        State state, int instrumentsDone, int instrumentsTotal) {

    /** In the order an assessor works: overdue first. */
    public enum State {
        OVERDUE, DUE, UPCOMING, DONE;

        public String messageKey() {
            return "assessment.state." + name().toLowerCase(Locale.ROOT);
        }
    }
}
