package org.researchportal.exercise.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.researchportal.base.ui.Formats;
import org.researchportal.exercise.ProgressFigures;
import org.researchportal.participants.CaseloadFigures;
import org.springframework.stereotype.Component;

/**
 * Adds open alerts, adherence over 7 and 28 days, the last session with its pain and the pain's weekly trend to the
 * therapist's caseload. Open alerts come first: they are what the therapist must act on, and the last columns of a
 * wide caseload are off screen.
 */
@Component
class ProgrammeCaseloadFigures implements CaseloadFigures {

    private final ProgressFigures progressFigures;
    private final I18NProvider translations;

    ProgrammeCaseloadFigures(ProgressFigures progressFigures, I18NProvider translations) {
        this.progressFigures = progressFigures;
        this.translations = translations;
    }

    @Override
    public List<String> headerKeys() {
        return List.of("caseload.open-alerts", "caseload.last-7-days", "caseload.last-28-days",
                "caseload.last-session", "caseload.last-pain", "caseload.pain-trend");
    }

    @Override
    public Map<String, List<String>> values(List<String> participantIds, Locale locale) {
        Map<String, List<String>> values = new HashMap<>();
        progressFigures.figures(participantIds).forEach((id, f) -> values.put(id, List.of(Long.toString(f.openAlerts()),
                f.sessionDaysLast7() + " / " + f.plannedLast7(), f.sessionDaysLast28() + " / " + f.plannedLast28(),
                Formats.date(f.lastSession(), locale), Formats.text(f.lastPain() == null ? null : f.lastPain()
                        .toString()),
                f.painTrend() == null ? Formats.text(null) : translations.getTranslation(f.painTrend().messageKey(),
                        locale))));
        return values;
    }
}
