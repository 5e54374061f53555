package org.researchportal.analysis;

import java.util.ArrayList;
import java.util.List;
import org.researchportal.exercise.AdherenceDay;
import org.researchportal.exercise.AdherenceRule;
import org.researchportal.exercise.ParticipantAdherence;

/**
 * The study's compliance, adherence and fidelity report: its rule, the figures per arm (in the study's arm order) and
 * per participant with a programme (by study number), each with the arm she was randomised to.
 */
public record AdherenceSummary(AdherenceRule rule, List<ArmAdherence> arms, List<Row> participants) {

    /** One participant's figures with her arm. */
    public record Row(String armCode, ParticipantAdherence figures) {}

    /** The report's words in the reader's language (a view's getTranslation). */
    public interface Words {
        String of(String key, Object... params);
    }

    /**
     * The records behind every figure: one row per prescribed programme day (compliance and adherence), per
     * participant's manual reading, per prescribed exercise video and per week a check-in was expected.
     */
    public List<FigureSource> sources(Words words) {
        List<FigureSource> sources = new ArrayList<>();
        String dose = words.of("adherence.source.dose");
        for (Row row : participants) {
            ParticipantAdherence p = row.figures();
            for (AdherenceDay day : p.days()) {
                sources.add(new FigureSource(dose, p.label(), row.armCode(), words.of("adherence.source.day",
                        day.date().toString(), day.prescription()), words.of("adherence.source.day-value",
                                day.exercisesDone().size(), day.exercisesPrescribed(), day.minutes(),
                                day.sessionsLogged(), words.of(day.sessionDone() ? "adherence.source.session-done"
                                        : "adherence.source.session-not-done"))));
            }
            sources.add(new FigureSource(words.of("adherence.column.manual"), p.label(), row.armCode(),
                    words.of("adherence.source.manual"), p.manualFirstOpened() == null
                            ? words.of("adherence.source.never")
                            : words.of("adherence.source.opened", p.manualFirstOpened().toString(), p.manualOpens())));
            for (String video : p.videosPrescribed()) {
                sources.add(new FigureSource(words.of("adherence.column.videos"), p.label(), row.armCode(),
                        words.of("adherence.source.video", video), words.of(p.videosSeen().contains(video)
                                ? "adherence.source.seen" : "adherence.source.not-seen")));
            }
            for (var week : p.checkInWeeks()) {
                sources.add(new FigureSource(words.of("adherence.column.check-ins"), p.label(), row.armCode(),
                        words.of("adherence.source.check-in", week.toString()), words.of(p.checkInsAnswered()
                                .contains(week) ? "adherence.source.answered" : "adherence.source.not-answered")));
            }
        }
        return sources;
    }
}
