package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.PeopleNames;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ParticipationService;

/** The course of participation: status changes and protocol deviations, and the buttons that record them. */
final class ParticipationPanel extends Composite<Div> {

    ParticipationPanel(ParticipantRecord record, PeopleNames people, ParticipationService service,
            Runnable reload) {
        Div card = getContent();
        card.addClassNames("card", "participation-panel");
        card.add(new H2(getTranslation("participation.title")));
        record.statusChanges().forEach(c -> card.add(new Paragraph(getTranslation("participation.change",
                getTranslation(c.status().messageKey()), Formats.date(c.effectiveOn(), getLocale()), c.reason(),
                people.shown(c.recordedBy(), getLocale())))));
        record.deviations().forEach(d -> card.add(new Paragraph(getTranslation("participation.deviation",
                Formats.date(d.occurredOn(), getLocale()), d.description(),
                people.shown(d.recordedBy(), getLocale())))));
        if (record.statusChanges().isEmpty() && record.deviations().isEmpty()) {
            card.add(new Paragraph(getTranslation("participation.none")));
        }
        var actions = new HorizontalLayout();
        actions.setWrap(true);
        boolean active = record.status() != ParticipantStatus.WITHDRAWN
                && record.status() != ParticipantStatus.NOT_ELIGIBLE;
        if (active) {
            actions.add(button("participation.withdraw", StatusChangeDialog.Kind.WITHDRAWAL, record, service, reload));
        }
        if (record.status() == ParticipantStatus.ENROLLED) {
            actions.add(button("participation.lost", StatusChangeDialog.Kind.LOST_TO_FOLLOW_UP, record, service,
                    reload));
        }
        if (record.armName() != null) {
            actions.add(button("participation.record-deviation", StatusChangeDialog.Kind.DEVIATION, record, service,
                    reload));
        }
        card.add(actions);
    }

    private Button button(String key, StatusChangeDialog.Kind kind, ParticipantRecord record,
            ParticipationService service, Runnable reload) {
        var button = new Button(getTranslation(key), e -> new StatusChangeDialog(kind, record, service, reload).open());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
