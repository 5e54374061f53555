package org.researchportal.followup.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;
import org.researchportal.followup.FollowUpCall;
import org.researchportal.identity.PeopleNames;

/** A participant's telephone follow-ups on their record: each call's due date, how it ended and what it found. */
final class CallsPanel extends Composite<Div> {

    CallsPanel(List<FollowUpCall> calls, PeopleNames people) {
        Div card = getContent();
        card.addClassNames("card", "follow-up-calls");
        card.add(new H2(getTranslation("call.record-title")));
        if (calls.isEmpty()) {
            card.add(new Paragraph(getTranslation("call.record-none")));
        }
        var zone = CurrentUser.require().zone();
        for (FollowUpCall call : calls) {
            var details = new Details(getTranslation("call.number-short", call.getNumber(), Formats.date(
                    call.getDueOn(), getLocale())) + " · " + getTranslation(call.getStatus().messageKey()),
                    new CallSummary(call, zone, people));
            details.setEnabled(!call.getAttempts().isEmpty());
            card.add(details);
        }
    }
}
