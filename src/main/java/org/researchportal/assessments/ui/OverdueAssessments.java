package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.ui.Formats;
import org.researchportal.study.StudySummary;

/** The study's overdue assessments, on the clinician's dashboard: who, which timepoint, since when. */
final class OverdueAssessments extends Composite<Div> {

    private static final int SHOWN = 8;

    OverdueAssessments(StudySummary study, AssessmentService assessments) {
        Div card = getContent();
        card.addClassNames("card", "overdue-assessments");
        List<DueAssessment> overdue = assessments.worklist(study.id()).stream()
                .filter(d -> d.state() == DueAssessment.State.WINDOW_CLOSED).toList();
        card.add(new H2(getTranslation("overdue.title", overdue.size())));
        if (overdue.isEmpty()) {
            card.add(new Paragraph(getTranslation("overdue.none")));
        }
        overdue.stream().limit(SHOWN).forEach(d -> card.add(new Paragraph(getTranslation("overdue.row",
                Formats.text(d.studyNumber()), d.displayName(), d.timepointLabel(),
                Formats.date(d.windowCloses(), getLocale())))));
        if (overdue.size() > SHOWN) {
            card.add(new Paragraph(getTranslation("overdue.more", overdue.size() - SHOWN)));
        }
    }
}
