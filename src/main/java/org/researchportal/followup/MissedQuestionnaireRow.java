package org.researchportal.followup;

import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.participants.CallParticipant;

/**
 * A participant whose questionnaires of one timepoint closed unanswered, on the coordinator's worklist until handled
 * (or answered from a paper form): who, with a number to call, which timepoint and when its window closed.
 */
public record MissedQuestionnaireRow(CallParticipant participant, String timepoint, String timepointLabel,
        @Nullable String timepointLabelZh, int questionnaires, LocalDate closedOn, @Nullable String coordinatorName,
        boolean mine) {

    /** The timepoint's label in the reader's language (the English one when the schedule gives no Chinese). */
    public String timepointLabel(Locale locale) {
        return locale.getLanguage().equals("zh") && timepointLabelZh != null && !timepointLabelZh.isBlank()
                ? timepointLabelZh : timepointLabel;
    }
}
