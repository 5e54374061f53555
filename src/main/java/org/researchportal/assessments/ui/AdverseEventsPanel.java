package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.stream.Stream;
import org.researchportal.assessments.AdverseEventDraftRow;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.assessments.AdverseEventRow;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantRecord;

/** A participant's adverse events on their record: a row opens the follow-up, the button reports a new one. */
final class AdverseEventsPanel extends Composite<Div> {

    AdverseEventsPanel(ParticipantRecord record, AdverseEventService service, AdverseEventDrafts draftQueue,
            AccountService accounts, FormMarkings markings, Runnable reload) {
        Div card = getContent();
        card.addClassNames("card", "adverse-events");
        card.add(new H2(getTranslation("ae.title")));
        var drafts = draftQueue.openDraftsOf(record.id());
        var events = service.ofParticipant(record.id());
        // One look-up names who raised each draft and who reported each event.
        var people = accounts.names(Stream.concat(drafts.stream().map(AdverseEventDraftRow::raisedBy),
                events.stream().map(AdverseEventRow::reportedBy)).toList());
        for (AdverseEventDraftRow draft : drafts) {
            card.add(new DraftNotice(draft, people, service, draftQueue, reload));
        }
        var grid = new Grid<AdverseEventRow>();
        grid.addColumn(e -> Formats.date(e.report().onset(), getLocale())).setHeader(getTranslation("ae.onset"))
                .setAutoWidth(true);
        grid.addColumn(e -> e.report().description()).setHeader(getTranslation("ae.description")).setFlexGrow(1);
        grid.addColumn(e -> getTranslation("ae.grade." + e.report().grade())).setHeader(getTranslation("ae.grade"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.report().serious() || e.report().grade() >= 4 ? "answer.yes"
                : "answer.no")).setHeader(getTranslation("ae.serious")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.report().outcome().messageKey())).setHeader(getTranslation("ae.outcome"))
                .setAutoWidth(true);
        grid.addColumn(e -> people.shown(e.reportedBy(), getLocale())).setHeader(getTranslation("ae.reported-by"))
                .setAutoWidth(true);
        grid.setItems(events);
        grid.addClassName("adverse-events-grid");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("ae.none"));
        grid.addItemClickListener(e -> {
            ClinicalForm form = ClinicalForm.adverseEvent(record.studyId(), record.id(), e.getItem().id());
            new AdverseEventDialog(record.id(), e.getItem(), service, markings.forForm(form), field -> markings
                    .forField(form.item(field)), reload).open();
        });
        card.add(grid, new Button(getTranslation("ae.report"),
                e -> new AdverseEventDialog(record.id(), null, service, reload).open()));
    }
}
