package org.researchportal.assessments;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One participant's timepoint on the assessor's worklist: when it falls due, its window, how far it is done, and,
 * when the assessor recorded it as missed or not done, why.
 */
public record DueAssessment(String participantId, String studyId, @Nullable String studyNumber, String displayName,
        String timepoint, String timepointLabel, @Nullable String timepointLabelZh, LocalDate dueOn,
        LocalDate windowOpens, LocalDate windowCloses,
        State state, int instrumentsDone, int instrumentsTotal, @Nullable String missedReason) {

    /**
     * In the order an assessor works: a window that closed unassessed first (it waits for a missed or not-done
     * decision), then those in their window, then the rest.
     */
    /** The timepoint's label in the reader's language (the English one when the schedule gives no Chinese). */
    public String timepointLabel(Locale locale) {
        return locale.getLanguage().equals("zh") && timepointLabelZh != null && !timepointLabelZh.isBlank()
                ? timepointLabelZh : timepointLabel;
    }

    public enum State {
        WINDOW_CLOSED, DUE, UPCOMING, MISSED, NOT_DONE, DONE;

        public String messageKey() {
            return "assessment.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Still waiting for the assessor: assessed or decided, it leaves the worklist. */
        public boolean open() {
            return this == WINDOW_CLOSED || this == DUE;
        }
    }
}
