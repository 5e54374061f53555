package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.Comparator;
import java.util.List;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.ui.Formats;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;

/**
 * Contributes the participant's assessment timepoints to their record: each one's window and state, with why a visit
 * was missed or not done.
 */
@org.springframework.stereotype.Component
class AssessmentsSection implements ParticipantRecordSection {

    private final AssessmentService assessments;

    AssessmentsSection(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        return new Timepoints(record, assessments);
    }

    private static final class Timepoints extends Composite<Div> {

        Timepoints(ParticipantRecord record, AssessmentService assessments) {
            Div card = getContent();
            card.addClassNames("card", "participant-timepoints");
            card.add(new H2(getTranslation("record.timepoints")));
            var grid = new Grid<DueAssessment>();
            grid.addColumn(d -> d.timepointLabel(getLocale())).setHeader(getTranslation("worklist.timepoint"))
                    .setAutoWidth(true);
            grid.addColumn(d -> getTranslation(d.state().messageKey())).setHeader(getTranslation("worklist.state"))
                    .setAutoWidth(true);
            grid.addColumn(d -> Formats.date(d.windowOpens(), getLocale()) + " – "
                    + Formats.date(d.windowCloses(), getLocale())).setHeader(getTranslation("worklist.window"))
                    .setAutoWidth(true);
            grid.addColumn(d -> d.instrumentsDone() + " / " + d.instrumentsTotal())
                    .setHeader(getTranslation("worklist.progress")).setAutoWidth(true);
            grid.addColumn(d -> Formats.text(d.missedReason())).setHeader(getTranslation("missed.reason"))
                    .setFlexGrow(1);
            grid.setItems(record.enrolledOn() == null ? List.of() : assessments.worklist(record.studyId()).stream()
                    .filter(d -> d.participantId().equals(record.id()))
                    .sorted(Comparator.comparing(DueAssessment::dueOn)).toList());
            grid.setAllRowsVisible(true);
            grid.addClassName("timepoints-grid");
            grid.setEmptyStateText(getTranslation("record.timepoints.none"));
            card.add(grid);
        }
    }
}
