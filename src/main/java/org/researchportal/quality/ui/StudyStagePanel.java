package org.researchportal.quality.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.quality.StudyLifeRecord;
import org.researchportal.quality.StudyLifecycle;
import org.researchportal.quality.StudyStage;

/**
 * The study's stage on the tenant administrator's study page: where it is, the last move with who, when and why, and
 * a button for each move allowed from there, with the reason it needs. Locking is the monitor's, on its own page.
 */
final class StudyStagePanel extends Composite<Div> {

    private final StudyLifecycle lifecycle;
    private final String studyId;

    StudyStagePanel(StudyLifecycle lifecycle, String studyId) {
        this.lifecycle = lifecycle;
        this.studyId = studyId;
        show();
    }

    private void show() {
        getContent().removeAll();
        StudyLifeRecord life = lifecycle.life(studyId);
        var stage = new Paragraph(getTranslation("study-life.current", getTranslation(life.stage().messageKey())));
        stage.addClassName("study-stage");
        var section = new Section(getTranslation("study-life.title"), stage);
        section.getElement().setAttribute("aria-live", "polite");
        section.getElement().appendChild(lastMove(life).getElement());
        if (!life.stage().open()) {
            section.getElement().appendChild(new Paragraph(getTranslation("study.locked")).getElement());
        }
        var reason = new TextField(getTranslation("study-life.reason"));
        reason.setMaxLength(StudyLifecycle.REASON_MAX_LENGTH);
        reason.setWidthFull();
        var moves = new HorizontalLayout();
        lifecycle.moves(studyId).stream().sorted().forEach(to -> moves.add(new Button(getTranslation(
                "study-life.move-to", getTranslation(to.messageKey())), e -> move(to, reason))));
        if (moves.getComponentCount() > 0) {
            section.getElement().appendChild(reason.getElement(), moves.getElement());
        }
        section.getElement().appendChild(new RouterLink(getTranslation("menu.database-lock"), DatabaseLockView.class)
                .getElement());
        getContent().add(section);
    }

    private Paragraph lastMove(StudyLifeRecord life) {
        if (life.changedAt() == null) {
            return new Paragraph(getTranslation("study-life.never-moved"));
        }
        return new Paragraph(getTranslation("study-life.last-move", life.changedBy(), Formats.dateTime(life
                .changedAt(), CurrentUser.require().zone(), getLocale()), life.reason() == null ? "" : life.reason()));
    }

    private void move(StudyStage to, TextField reason) {
        try {
            lifecycle.move(studyId, to, reason.getValue());
            Notification.show(getTranslation("study-life.moved", getTranslation(to.messageKey())))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show();
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, Map.of("reason", reason, "stage", reason));
        }
    }
}
