package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
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

    /** The assessor's note above a form she answered herself: "Answered by the participant on ..., identified by ...". */
    static String note(AssessmentRecord entry, Component reader, Locale locale) {
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
                : reader.getTranslation("sign-in-way." + way.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
