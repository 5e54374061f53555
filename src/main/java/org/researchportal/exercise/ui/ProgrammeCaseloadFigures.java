package org.researchportal.exercise.ui;

import java.util.List;
import java.util.Locale;
import org.researchportal.base.ui.Formats;
import org.researchportal.exercise.ExerciseService;
import org.researchportal.exercise.ProgrammeFigures;
import org.researchportal.participants.CaseloadFigures;
import org.springframework.stereotype.Component;

/** Adds adherence over 7 and 28 days, the last session with its pain, and open alerts to the therapist's caseload. */
@Component
class ProgrammeCaseloadFigures implements CaseloadFigures {

    private final ExerciseService exercise;

    ProgrammeCaseloadFigures(ExerciseService exercise) {
        this.exercise = exercise;
    }

    @Override
    public List<String> headerKeys() {
        return List.of("caseload.last-7-days", "caseload.last-28-days", "caseload.last-session", "caseload.last-pain",
                "caseload.open-alerts");
    }

    @Override
    public List<String> values(String participantId, Locale locale) {
        ProgrammeFigures f = exercise.figures(participantId);
        return List.of(f.sessionDaysLast7() + " / " + f.plannedLast7(), f.sessionDaysLast28() + " / "
                + f.plannedLast28(), Formats.date(f.lastSession(), locale), Formats.text(f.lastPain() == null ? null
                        : f.lastPain().toString()), Long.toString(f.openAlerts()));
    }
}
