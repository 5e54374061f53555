package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.researchportal.assessments.AdverseEventDraftRow;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.assessments.AdverseEventRow;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.base.ui.Formats;
import org.researchportal.study.StudySummary;

/** The study's open serious adverse events, each linking to the participant's record. */
final class OpenSeriousAdverseEvents extends Composite<Div> {

    OpenSeriousAdverseEvents(StudySummary study, AdverseEventService service, AdverseEventDrafts draftQueue) {
        Div card = getContent();
        card.addClassNames("card", "serious-adverse-events");
        card.add(new H2(getTranslation("ae.open-serious")));
        var open = service.openSerious(study.id());
        if (open.isEmpty()) {
            card.add(new Paragraph(getTranslation("ae.open-serious.none")));
        }
        for (AdverseEventRow event : open) {
            var link = new Anchor("participants/" + event.participantId(), event.participant() + " · "
                    + Formats.date(event.report().onset(), getLocale()) + " · " + event.report().description());
            link.addClassName("sae-link");
            card.add(new Div(link));
        }
        // Possible adverse events heard of on follow-up calls wait here until a clinician records or dismisses them.
        var drafts = draftQueue.openDrafts(study.id());
        if (!drafts.isEmpty()) {
            card.add(new H3(getTranslation("ae.drafts-to-review", drafts.size())));
        }
        for (AdverseEventDraftRow draft : drafts) {
            var link = new Anchor("participants/" + draft.participantId(), draft.participant() + " · "
                    + Formats.date(draft.noticedOn(), getLocale()) + " · " + draft.description());
            link.addClassName("sae-link");
            card.add(new Div(link));
        }
    }
}
