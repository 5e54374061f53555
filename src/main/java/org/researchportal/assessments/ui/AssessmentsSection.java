package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.PeopleNames;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;

/**
 * Contributes the participant's assessment timepoints to their record: each one's window and state, with why a visit
 * was missed or not done; then each instrument recorded, with who answered it (she herself, or the staff member who
 * entered it).
 */
@org.springframework.stereotype.Component
class AssessmentsSection implements ParticipantRecordSection {

    private final AssessmentService assessments;
    private final InstrumentLibrary instruments;
    private final AccountService accounts;

    AssessmentsSection(AssessmentService assessments, InstrumentLibrary instruments, AccountService accounts) {
        this.assessments = assessments;
        this.instruments = instruments;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        return new Timepoints(record, assessments, instruments, accounts);
    }

    private static final class Timepoints extends Composite<Div> {

        Timepoints(ParticipantRecord record, AssessmentService assessments, InstrumentLibrary instruments,
                AccountService accounts) {
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
            List<DueAssessment> timepoints = record.enrolledOn() == null ? List.of()
                    : assessments.worklist(record.studyId()).stream()
                            .filter(d -> d.participantId().equals(record.id()))
                            .sorted(Comparator.comparing(DueAssessment::dueOn)).toList();
            grid.setItems(timepoints);
            grid.setAllRowsVisible(true);
            grid.addClassName("timepoints-grid");
            grid.setEmptyStateText(getTranslation("record.timepoints.none"));
            card.add(grid);
            if (!timepoints.isEmpty()) {
                card.add(entries(record, timepoints, assessments, instruments, accounts));
            }
        }

        /** Each recorded instrument in the schedule's order, with who answered it. */
        private Grid<AssessmentRecord> entries(ParticipantRecord record, List<DueAssessment> timepoints,
                AssessmentService assessments, InstrumentLibrary instruments, AccountService accounts) {
            Map<String, Integer> order = new HashMap<>();
            Map<String, String> labels = new HashMap<>();
            timepoints.forEach(d -> {
                order.put(d.timepoint(), order.size());
                labels.put(d.timepoint(), d.timepointLabel(getLocale()));
            });
            Map<String, String> names = new HashMap<>();
            instruments.instruments().forEach(i -> names.put(i.code(), i.name().in(getLocale())));
            List<AssessmentRecord> recorded = assessments.assessmentsOf(record.studyId(), List.of(record.id()))
                    .stream().sorted(Comparator.comparing((AssessmentRecord a) -> order.getOrDefault(a.timepoint(),
                            Integer.MAX_VALUE)).thenComparing(a -> names.getOrDefault(a.instrument(),
                                    a.instrument()))).toList();
            // One look-up names everyone who entered something.
            PeopleNames people = accounts.names(recorded.stream().map(AssessmentRecord::assessedBy).toList());
            var grid = new Grid<AssessmentRecord>();
            grid.addColumn(a -> labels.getOrDefault(a.timepoint(), a.timepoint()))
                    .setHeader(getTranslation("worklist.timepoint")).setAutoWidth(true);
            grid.addColumn(a -> names.getOrDefault(a.instrument(), a.instrument()))
                    .setHeader(getTranslation("record.entries.instrument")).setAutoWidth(true);
            grid.addColumn(a -> WhoAnswered.line(a, people, this, getLocale())).setHeader(getTranslation(
                    "record.entries.by"))
                    .setFlexGrow(1);
            grid.setItems(recorded);
            grid.setAllRowsVisible(true);
            grid.addClassName("entries-grid");
            grid.setEmptyStateText(getTranslation("record.entries.none"));
            return grid;
        }
    }
}
