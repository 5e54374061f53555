package org.researchportal.assessments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How well a study's participants answer their questionnaires, counted per questionnaire (one instrument at one
 * timepoint for one participant): per timepoint, per participant and in all. It carries no arm: every arm answers the
 * same questionnaires, and compliance is read by people who must not learn arms.
 *
 * @param byTimepoint in the schedule's order
 * @param byParticipant in the order the participants were listed
 */
public record QuestionnaireCompliance(Figures total, List<Figures> byTimepoint, List<Figures> byParticipant) {

    /**
     * The figures of one group of questionnaires. Expected ones are those whose window opened and that were not
     * excused; each of them is completed, open (before its due day), late (past its due day, window still open) or
     * missed (window closed unanswered).
     *
     * @param key the timepoint's code or the participant's id ({@code ""} for the total)
     * @param label the timepoint's English label, or the participant's name and study number
     * @param labelZh the timepoint's Chinese label, when the schedule gives one
     */
    public record Figures(String key, String label, @Nullable String labelZh, int expected, int completed,
            int open, int late, int missed) {

        /**
         * The completion rate in whole percent: completed against those that are settled, completed or missed. An
         * open or late one still can be answered, so it counts neither for nor against; {@code -1} when none is
         * settled yet.
         */
        public int ratePercent() {
            int settled = completed + missed;
            return settled == 0 ? -1 : Math.round(100f * completed / settled);
        }

        /** The label in the reader's language (the English one when the schedule gives no Chinese). */
        public String label(Locale locale) {
            return locale.getLanguage().equals("zh") && labelZh != null && !labelZh.isBlank() ? labelZh : label;
        }

        private Figures plus(DueQuestionnaire.State state) {
            if (!state.expected()) {
                return this;
            }
            return new Figures(key, label, labelZh, expected + 1,
                    completed + (state == DueQuestionnaire.State.COMPLETED ? 1 : 0),
                    open + (state == DueQuestionnaire.State.OPEN ? 1 : 0),
                    late + (state == DueQuestionnaire.State.LATE ? 1 : 0),
                    missed + (state == DueQuestionnaire.State.MISSED ? 1 : 0));
        }
    }

    /** The compliance of these questionnaires (as {@link Questionnaires#ofStudy} gives them). */
    public static QuestionnaireCompliance of(List<DueQuestionnaire> questionnaires) {
        Figures total = new Figures("", "", null, 0, 0, 0, 0, 0);
        Map<String, Figures> byTimepoint = new LinkedHashMap<>();
        Map<String, Figures> byParticipant = new LinkedHashMap<>();
        // Each participant's questionnaires come in the order they fall due, so the first participant's timepoints
        // come in the schedule's order; a timepoint only later participants have comes after them.
        for (DueQuestionnaire q : questionnaires) {
            total = total.plus(q.state());
            add(byTimepoint, q.timepoint(), q, d -> new Figures(d.timepoint(), d.timepointLabel(),
                    d.timepointLabelZh(), 0, 0, 0, 0, 0));
            add(byParticipant, q.participantId(), q, d -> new Figures(d.participantId(), d.studyNumber() == null
                    ? d.displayName() : d.displayName() + " · " + d.studyNumber(), null, 0, 0, 0, 0, 0));
        }
        return new QuestionnaireCompliance(total, new ArrayList<>(byTimepoint.values()),
                new ArrayList<>(byParticipant.values()));
    }

    private static void add(Map<String, Figures> figures, String key, DueQuestionnaire q,
            Function<DueQuestionnaire, Figures> first) {
        figures.put(key, figures.computeIfAbsent(key, k -> first.apply(q)).plus(q.state()));
    }

    /** One participant's figures; all zero when she has no questionnaire. */
    public Figures of(String participantId) {
        return byParticipant.stream().filter(f -> f.key().equals(participantId)).findFirst()
                .orElse(new Figures(participantId, "", null, 0, 0, 0, 0, 0));
    }
}
