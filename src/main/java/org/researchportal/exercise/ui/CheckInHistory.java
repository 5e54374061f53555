package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.researchportal.base.ui.Formats;
import org.researchportal.exercise.CheckInRecord;

/** The weekly check-ins for the therapist, newest first; a stop of the aromatase inhibitor stands out. */
final class CheckInHistory extends Composite<Div> {

    CheckInHistory(List<CheckInRecord> checkIns) {
        getContent().addClassNames("card", "session-history");
        getContent().add(new H2(getTranslation("check-in.history")));
        if (checkIns.isEmpty()) {
            getContent().add(new Paragraph(getTranslation("check-in.history.none")));
        }
        for (CheckInRecord checkIn : checkIns) {
            var row = new Div(new Span(getTranslation("check-in.week-of", Formats.date(checkIn.weekStart(),
                    getLocale()))), new Span(getTranslation("check-in.summary", checkIn.jointPain(),
                            checkIn.stiffness())), new Span(Formats.text(checkIn.note())));
            if (!checkIn.takingAromataseInhibitor()) {
                var stopped = new Span(getTranslation("check-in.not-taking-ai"));
                stopped.getElement().getThemeList().add("badge error");
                row.add(stopped);
            }
            row.addClassName("session-row");
            getContent().add(row);
        }
    }
}
