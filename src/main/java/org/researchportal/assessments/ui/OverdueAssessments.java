package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.ui.Formats;

/**
 * The study's overdue assessments: who, which timepoint, since when. The content of the dashboard's folded card,
 * whose title counts them (see {@link OverdueAssessmentsSection}).
 */
final class OverdueAssessments extends Composite<Div> {

    private static final int SHOWN = 8;

    OverdueAssessments(List<DueAssessment> overdue) {
        Div list = getContent();
        list.addClassName("overdue-assessments");
        if (overdue.isEmpty()) {
            list.add(new Paragraph(getTranslation("overdue.none")));
        }
        overdue.stream().limit(SHOWN).forEach(d -> list.add(new Paragraph(getTranslation("overdue.row",
                Formats.text(d.studyNumber()), d.displayName(), d.timepointLabel(getLocale()),
                Formats.date(d.windowCloses(), getLocale())))));
        if (overdue.size() > SHOWN) {
            list.add(new Paragraph(getTranslation("overdue.more", overdue.size() - SHOWN)));
        }
    }
}
