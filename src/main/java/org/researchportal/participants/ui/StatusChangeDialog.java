package org.researchportal.participants.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDate;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.DatePickers;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipationService;
import org.researchportal.participants.ScreeningService;

/** Records a withdrawal, a loss to follow-up or a protocol deviation: a date and what happened. */
final class StatusChangeDialog extends Dialog {

    enum Kind {
        WITHDRAWAL, LOST_TO_FOLLOW_UP, DEVIATION
    }

    StatusChangeDialog(Kind kind, ParticipantRecord record, ParticipationService service, Runnable onDone) {
        String titleKey = switch (kind) {
            case WITHDRAWAL -> "participation.withdraw";
            case LOST_TO_FOLLOW_UP -> "participation.lost";
            case DEVIATION -> "participation.record-deviation";
        };
        setHeaderTitle(getTranslation(titleKey) + " · " + record.displayName());
        var date = DatePickers.create(getTranslation("participation.date"), LocalDate.now());
        var text = new TextArea(getTranslation(kind == Kind.DEVIATION ? "participation.description"
                : "change.reason"));
        text.setMaxLength(ScreeningService.REASON_MAX_LENGTH);
        text.setWidthFull();
        add(new FormLayout(date, text));
        Map<String, HasValidation> fields = Map.of("effectiveOn", date, "reason", text, "description", text);
        var confirm = new Button(getTranslation("action.save"), e -> {
            LocalDate on = date.getValue() == null ? LocalDate.now() : date.getValue();
            try {
                switch (kind) {
                    case WITHDRAWAL -> service.withdraw(record.id(), on, text.getValue());
                    case LOST_TO_FOLLOW_UP -> service.markLostToFollowUp(record.id(), on, text.getValue());
                    case DEVIATION -> service.recordDeviation(record.id(), on, text.getValue());
                }
                close();
                onDone.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}
