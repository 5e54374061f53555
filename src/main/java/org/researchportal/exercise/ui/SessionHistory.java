package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.researchportal.base.ui.Formats;
import org.researchportal.exercise.SessionRecord;

/** The sessions a participant has logged, newest first, in words rather than codes. */
final class SessionHistory extends Composite<Div> {

    SessionHistory(String title, List<SessionRecord> sessions, int programmeExercises) {
        getContent().addClassNames("card", "session-history");
        getContent().add(new H2(title));
        if (sessions.isEmpty()) {
            getContent().add(new Paragraph(getTranslation("session.history.none")));
            return;
        }
        for (SessionRecord session : sessions) {
            var row = new Div(new Span(Formats.date(session.date(), getLocale())), new Span(getTranslation(
                    "session.summary", session.minutes(), session.exercises().size(), programmeExercises,
                    session.exertion(), session.painBefore(), session.painAfter())));
            row.addClassName("session-row");
            if (session.safetyStop()) {
                var stop = new Span(getTranslation("session.safety-stop.short"));
                stop.getElement().getThemeList().add("badge error");
                row.add(stop);
            }
            getContent().add(row);
        }
    }
}
