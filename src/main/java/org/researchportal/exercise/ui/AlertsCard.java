package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.exercise.AlertRecord;
import org.researchportal.exercise.ProgrammeAlert;
import org.researchportal.exercise.ProgrammeAlerts;
import org.researchportal.identity.PeopleNames;

/** The participant's alerts: open ones first, each marked handled with a note; handled ones stay, with that note. */
final class AlertsCard extends Composite<Div> {

    AlertsCard(ProgrammeAlerts programmeAlerts, List<AlertRecord> alerts, PeopleNames people, Runnable reload) {
        getContent().addClassNames("card", "session-history");
        getContent().add(new H2(getTranslation("alert.title")));
        if (alerts.isEmpty()) {
            getContent().add(new Paragraph(getTranslation("alert.none")));
        }
        alerts.stream().sorted((a, b) -> Boolean.compare(b.open(), a.open())).forEach(alert -> {
            var what = new Span(getTranslation(alert.kind().messageKey(), Formats.date(alert.sessionDate(),
                    getLocale())));
            var row = new Div(what);
            row.addClassName("session-row");
            if (alert.open()) {
                what.getElement().getThemeList().add("badge error");
                var handle = new Button(getTranslation("alert.handle"),
                        e -> handleDialog(programmeAlerts, alert, reload));
                handle.addThemeVariants(ButtonVariant.LUMO_SMALL);
                row.add(handle);
            } else {
                row.add(new Span(getTranslation("alert.handled", Formats.dateTime(alert.handledAt(),
                        CurrentUser.require().zone(), getLocale()), people.shown(alert.handledBy(), getLocale()),
                        Formats.text(alert.handledNote()))));
            }
            getContent().add(row);
        });
    }

    private void handleDialog(ProgrammeAlerts programmeAlerts, AlertRecord alert, Runnable reload) {
        var dialog = new Dialog(getTranslation("alert.handle"));
        var note = new TextArea(getTranslation("alert.note"));
        note.setMaxLength(ProgrammeAlert.NOTE_MAX_LENGTH);
        note.setRequired(true);
        note.setWidthFull();
        dialog.add(note);
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                programmeAlerts.handleAlert(alert.id(), note.getValue());
                dialog.close();
                reload.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, Map.of("note", note));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
