package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Links;
import org.researchportal.identity.PeopleNames;
import org.researchportal.participants.ParticipantRecord;

/** Who the participant is and where they stand: numbers, status, screening date and how to reach them. */
final class RecordSummary extends Composite<Div> {

    RecordSummary(ParticipantRecord record, PeopleNames people) {
        Div content = getContent();
        content.addClassName("record-summary");
        content.add(fact("participant.status", getTranslation(record.status().messageKey())),
                fact("participant.study-number", Formats.text(record.studyNumber())),
                fact("participant.screened-on", Formats.date(record.screenedOn(), getLocale())
                        + (record.screenedBy() == null ? "" : " · " + people.shown(record.screenedBy(), getLocale()))),
                fact("participant.language", getTranslation("language." + record.language())));
        if (record.phone() != null) {
            var phone = fact("participant.phone", "");
            phone.add(new Anchor(Links.tel(record.phone()), record.phone()));
            content.add(phone);
        }
        if (record.email() != null) {
            content.add(fact("participant.email", record.email()));
        }
    }

    private Div fact(String labelKey, String value) {
        var label = new Span(getTranslation(labelKey));
        label.addClassName("fact__label");
        var fact = new Div(label, new Span(value));
        fact.addClassName("fact");
        return fact;
    }
}
