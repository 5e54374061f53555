package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Respondent;
import org.researchportal.base.security.SignInWay;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.PeopleNames;

/**
 * Who gave an entry's answers, in the reader's words: the participant herself (when, and how she was identified) or
 * the member of staff who entered them, by name. Never the raw respondent.
 */
final class WhoAnswered {

    private WhoAnswered() {
    }

    /**
     * What the assessor's form says above an instrument: that the participant completes it herself (the schedule's
     * word), and either that entering it records her paper form or, once she answered, who answered and how she was
     * identified.
     */
    static List<Component> onForm(boolean byParticipant, @Nullable AssessmentRecord saved, Component reader,
            Locale locale) {
        List<Component> said = new ArrayList<>();
        if (byParticipant) {
            var completedBy = new Span(reader.getTranslation("entry.completed-by-participant"));
            completedBy.getElement().getThemeList().add("badge");
            completedBy.addClassName("completed-by-participant");
            said.add(completedBy);
        }
        if (saved != null && saved.respondent() == Respondent.PARTICIPANT) {
            var answered = new Paragraph(note(saved, reader, locale));
            answered.addClassName("answered-by-participant");
            said.add(answered);
        } else if (byParticipant) {
            var paper = new Paragraph(reader.getTranslation("entry.paper-form-note"));
            paper.addClassName("paper-form-note");
            said.add(paper);
        }
        return said;
    }

    /** The note above a form she answered herself: "Answered by the participant on ..., identified by ...". */
    private static String note(AssessmentRecord entry, Component reader, Locale locale) {
        return reader.getTranslation("entry.answered-by-participant", Formats.date(entry.assessedOn(), locale),
                way(entry.identifiedBy(), reader));
    }

    /** One line for a list of entries: "Answered by the participant (...) on ..." or "Entered by <name>". */
    static String line(AssessmentRecord entry, PeopleNames people, Component reader, Locale locale) {
        if (entry.respondent() == Respondent.PARTICIPANT) {
            return reader.getTranslation("record.entry.by-participant", way(entry.identifiedBy(), reader),
                    Formats.date(entry.assessedOn(), locale));
        }
        return reader.getTranslation("record.entry.by-staff", people.shown(entry.assessedBy(), locale));
    }

    private static String way(@Nullable SignInWay way, Component reader) {
        return way == null ? Formats.text(null)
                : reader.getTranslation(way.messageKey());
    }
}
