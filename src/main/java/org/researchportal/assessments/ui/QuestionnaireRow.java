package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.util.Locale;
import org.researchportal.assessments.DueQuestionnaire;
import org.researchportal.assessments.MyQuestionnaire;
import org.researchportal.base.ui.Formats;

/**
 * One of the participant's questionnaires in a list: open or late ones as one big link (its name, when it is due,
 * "Start" or "Continue"), a completed one with a tick, opening her answers to read; others say when they open or that
 * they closed.
 */
final class QuestionnaireRow extends Composite<Div> {

    QuestionnaireRow(MyQuestionnaire mine, ZoneId zone) {
        DueQuestionnaire due = mine.due();
        Locale locale = getLocale();
        Div row = getContent();
        row.addClassName("questionnaire-row");
        var name = new Span(mine.name().in(locale));
        name.addClassName("questionnaire-name");
        String path = "my-questionnaires/" + due.timepoint() + "/" + due.instrument();
        switch (due.state()) {
            case OPEN, LATE -> {
                var when = new Span(due.state() == DueQuestionnaire.State.LATE
                        ? getTranslation("questionnaires.late", Formats.date(due.dueOn(), locale))
                        : getTranslation("questionnaires.due", Formats.date(due.dueOn(), locale)));
                when.addClassName("questionnaire-when");
                var action = new Span(getTranslation(mine.started() ? "questionnaires.continue"
                        : "questionnaires.start"));
                action.addClassName("questionnaire-action");
                row.add(link(path, name, when, action));
            }
            case COMPLETED -> {
                var tick = new Span("✓");
                tick.addClassName("questionnaire-tick");
                // The words say it; the tick is for the eye only.
                tick.getElement().setAttribute("aria-hidden", "true");
                var when = new Span(getTranslation("questionnaires.sent-on",
                        Formats.date(due.answeredAt() == null ? null
                                : due.answeredAt().atZone(zone).toLocalDate(), locale)));
                when.addClassName("questionnaire-when");
                row.addClassName("questionnaire-row--done");
                row.add(link(path, tick, name, when));
            }
            case UPCOMING -> row.add(name, when(getTranslation("questionnaires.opens",
                    Formats.date(due.opensOn(), locale))));
            case MISSED, NOT_EXPECTED -> row.add(name, when(getTranslation("questionnaires.closed")));
        }
    }

    private static Span when(String text) {
        var when = new Span(text);
        when.addClassName("questionnaire-when");
        return when;
    }

    private static Anchor link(String path, Component... parts) {
        var link = new Anchor(path);
        link.add(parts);
        link.addClassNames("big-link", "questionnaire-link");
        return link;
    }
}
