package org.researchportal.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One instrument a participant completes herself at one timepoint (the schedule says which): its window, when it is
 * due, and how it stands. It carries no arm: every arm answers the same questionnaires.
 *
 * @param answeredAt when the answers were recorded, by her or (from a paper form) by staff
 * @param respondent who gave them, when recorded
 */
public record DueQuestionnaire(String participantId, String studyId, @Nullable String studyNumber,
        String displayName, String timepoint, String timepointLabel, @Nullable String timepointLabelZh,
        String instrument, LocalDate opensOn, LocalDate dueOn, LocalDate closesOn, State state,
        @Nullable Instant answeredAt, @Nullable Respondent respondent) {

    /** The timepoint's label in the reader's language (the English one when the schedule gives no Chinese). */
    public String timepointLabel(Locale locale) {
        return locale.getLanguage().equals("zh") && timepointLabelZh != null && !timepointLabelZh.isBlank()
                ? timepointLabelZh : timepointLabel;
    }

    /**
     * How a questionnaire stands today (the tenant's today). Compliance counts those whose window opened as expected:
     * completed, open (before its due day), late (past its due day, window still open) and missed (window closed
     * unanswered). A visit recorded as missed or not done by the assessor, or a window after the participant left,
     * is not expected.
     */
    public enum State {
        UPCOMING, OPEN, LATE, COMPLETED, MISSED, NOT_EXPECTED;

        public String messageKey() {
            return "questionnaire.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether she may still answer it herself now. */
        public boolean answerable() {
            return this == OPEN || this == LATE;
        }

        /** Whether compliance counts it: its window opened and it was not excused. */
        public boolean expected() {
            return this != UPCOMING && this != NOT_EXPECTED;
        }
    }
}
