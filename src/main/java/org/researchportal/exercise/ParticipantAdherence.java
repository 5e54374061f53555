package org.researchportal.exercise;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A participant's compliance, adherence and fidelity over her programme, from its start to the day she left or today
 * (in her time zone). Compliance is sessions done over programme days prescribed; adherence is the dose done over the
 * dose prescribed, counted in prescribed exercises of each day (a session log says which exercises were done, not
 * their sets); she is adherent when adherence reaches the rule's threshold. Fidelity: whether and on which day (hers) she
 * first opened her manual, the videos of her prescribed exercises she saw to the end, and the weekly check-ins she answered
 * of the weeks her programme ran. The days and the records behind each figure are kept for the report's sources.
 */
public record ParticipantAdherence(String participantId, @Nullable String studyNumber, LocalDate startDate,
        LocalDate until, AdherenceRule rule, List<AdherenceDay> days, @Nullable LocalDate manualFirstOpened,
        int manualOpens, List<String> videosPrescribed, List<String> videosSeen, List<LocalDate> checkInWeeks,
        List<LocalDate> checkInsAnswered) {

    /** The number the reports show: the study number, or the id where there is none. */
    public String label() {
        return studyNumber != null ? studyNumber : participantId;
    }

    public int prescribedDays() {
        return days.size();
    }

    public int sessionsDone() {
        return (int) days.stream().filter(AdherenceDay::sessionDone).count();
    }

    public int exercisesPrescribed() {
        return days.stream().mapToInt(AdherenceDay::exercisesPrescribed).sum();
    }

    public int exercisesDone() {
        return days.stream().mapToInt(d -> d.exercisesDone().size()).sum();
    }

    public int minutesLogged() {
        return days.stream().mapToInt(AdherenceDay::minutes).sum();
    }

    /** Sessions done over sessions prescribed, 0 to 1; null before the first programme day. */
    public @Nullable Double compliance() {
        return days.isEmpty() ? null : (double) sessionsDone() / prescribedDays();
    }

    /** Exercises done over exercises prescribed, 0 to 1; null before the first programme day. */
    public @Nullable Double adherence() {
        return exercisesPrescribed() == 0 ? null : (double) exercisesDone() / exercisesPrescribed();
    }

    /** Adherent by the study's rule: at least its share of the prescribed dose done. */
    public boolean adherent() {
        return AdherenceRule.reaches(exercisesDone(), exercisesPrescribed(), rule.adherentPercent());
    }

    public boolean manualOpened() {
        return manualFirstOpened != null;
    }
}
