package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;

/**
 * The assessor's decision that a timepoint will not be assessed: missed or not done, with the reason. It takes the
 * timepoint off the worklist; a later decision with another reason replaces it (both are in the audit trail).
 */
final class MissedVisitForm extends Composite<Div> {

    private final Paragraph decided = new Paragraph();

    MissedVisitForm(DueAssessment due, MissedVisits missedVisits, Runnable afterSaving) {
        Div card = getContent();
        card.addClassNames("card", "missed-visit-form");
        card.add(new H2(getTranslation("missed.title")));
        card.add(new Paragraph(getTranslation(due.state() == DueAssessment.State.WINDOW_CLOSED ? "missed.window-closed"
                : "missed.hint")));
        showDecision(due);
        var kind = new RadioButtonGroup<MissedVisitRecord.Kind>(getTranslation("missed.kind"));
        kind.setItems(MissedVisitRecord.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setValue(due.state() == DueAssessment.State.NOT_DONE ? MissedVisitRecord.Kind.NOT_DONE
                : MissedVisitRecord.Kind.MISSED);
        var reason = new TextField(getTranslation("missed.reason"));
        reason.setMaxLength(AssessmentService.REASON_MAX_LENGTH);
        reason.setWidthFull();
        var save = new Button(getTranslation("missed.save"), e -> {
            try {
                missedVisits.recordMissed(due.participantId(), due.timepoint(), kind.getValue(), reason.getValue());
                reason.setInvalid(false);
                Notification.show(getTranslation("missed.saved"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                afterSaving.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, Map.of("reason", reason));
            }
        });
        card.add(decided, kind, reason, save);
    }

    private void showDecision(DueAssessment due) {
        boolean done = due.state() == DueAssessment.State.MISSED || due.state() == DueAssessment.State.NOT_DONE;
        decided.setVisible(done);
        if (done) {
            decided.setText(getTranslation("missed.decided", getTranslation(due.state().messageKey()),
                    String.valueOf(due.missedReason())));
        }
    }
}
