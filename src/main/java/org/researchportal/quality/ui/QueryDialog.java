package org.researchportal.quality.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Supplier;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.DataQueryRecord;
import org.researchportal.quality.PointWords;
import org.researchportal.quality.QueryMessage;
import org.researchportal.quality.QueryState;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One query: the field it is on, its thread, and what the reader may do with it: the assigned role answers (with an
 * explanation, or with the corrected value where the form's service takes one), the monitor closes or re-opens.
 */
final class QueryDialog extends Dialog {

    private final DataQueries queries;
    private final Runnable onChange;

    QueryDialog(DataQueryRecord query, DataQueries queries, PointWords words, Runnable onChange) {
        this.queries = queries;
        this.onChange = onChange;
        addClassName("query-dialog");
        PortalUser reader = CurrentUser.require();
        setHeaderTitle(getTranslation("query.title", words.item(query.point(), getLocale())));
        add(new Paragraph(getTranslation("query.participant", Formats.text(query.studyNumber())) + " · "
                + words.form(query.point(), getLocale())));
        var state = new Paragraph(getTranslation(query.state().messageKey()) + " · " + getTranslation(
                "query.assigned-to", getTranslation(roleKey(query.assignee()))));
        state.addClassName("query-state");
        add(state, new Paragraph(getTranslation("query.value-raised-on", query.value() == null
                ? getTranslation("query.no-value") : query.value())));
        if (query.checkCode() != null) {
            add(new Paragraph(getTranslation("query.check", query.checkCode())));
        }
        var thread = new Div();
        thread.addClassName("query-thread");
        query.thread().forEach(m -> thread.add(message(m, reader)));
        add(thread);

        if (reader.hasRole(query.assignee()) && query.state().awaitingAnswer()) {
            answering(query);
        }
        if (reader.hasRole(PortalRole.MONITOR)) {
            monitoring(query);
        }
        var cancel = new Button(getTranslation("query.cancel"), e -> close());
        getFooter().add(cancel);
    }

    private Div message(QueryMessage m, PortalUser reader) {
        var item = new Div();
        item.addClassName("query-message");
        String who = m.role() == null ? getTranslation("query.system") : m.byName() + " (" + getTranslation(
                roleKey(m.role())) + ")";
        var heading = new Span(who + " · " + Formats.dateTime(m.at(), reader.zone(), getLocale()) + " · "
                + getTranslation(m.kind().messageKey()));
        heading.addClassName("query-message-heading");
        item.add(heading, new Paragraph(m.text(getLocale())));
        if (m.kind() == QueryMessage.Kind.ANSWERED_WITH_CORRECTION) {
            item.add(new Paragraph(getTranslation("query.correction", Formats.text(m.oldValue()), Formats.text(
                    m.newValue()))));
        }
        return item;
    }

    private void answering(DataQueryRecord query) {
        var answer = new TextArea(getTranslation("query.answer-text"));
        answer.setMaxLength(DataQueries.TEXT_MAX_LENGTH);
        answer.setWidthFull();
        answer.addClassName("query-answer");
        var value = new TextField(getTranslation("query.corrected-value"));
        value.setMaxLength(DataQueries.VALUE_MAX_LENGTH);
        value.setHelperText(getTranslation("query.corrected-value.help"));
        value.addClassName("query-corrected-value");
        Map<String, HasValidation> fields = Map.of("text", answer, "reason", answer, "value", value, "item", value,
                "assessedOn", value);
        var explain = new Button(getTranslation("query.answer-explanation"), e -> act(fields,
                () -> queries.answer(query.id(), answer.getValue()), "query.answered"));
        explain.addClassName("query-answer-explanation");
        add(answer);
        getFooter().add(explain);
        if (DataQueries.correctable(query.point().form().kind())) {
            var correct = new Button(getTranslation("query.answer-correction"), e -> act(fields,
                    () -> queries.answerWithCorrection(query.id(), value.getValue(), answer.getValue()),
                    "query.answered"));
            correct.addClassName("query-answer-correction");
            correct.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(value);
            getFooter().add(correct);
        }
    }

    private void monitoring(DataQueryRecord query) {
        var note = new TextArea(getTranslation("query.monitor-text"));
        note.setMaxLength(DataQueries.TEXT_MAX_LENGTH);
        note.setWidthFull();
        note.addClassName("query-note");
        Map<String, HasValidation> fields = Map.of("text", note);
        add(note);
        if (query.state() != QueryState.CLOSED) {
            var close = new Button(getTranslation("query.close"), e -> act(fields,
                    () -> queries.close(query.id(), note.getValue()), "query.closed"));
            close.addClassName("query-close");
            close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(close);
        }
        if (!query.state().awaitingAnswer()) {
            var reopen = new Button(getTranslation("query.reopen"), e -> act(fields,
                    () -> queries.reopen(query.id(), note.getValue()), "query.reopened"));
            reopen.addClassName("query-reopen");
            getFooter().add(reopen);
        }
    }

    private void act(Map<String, HasValidation> fields, Supplier<DataQueryRecord> step, String done) {
        try {
            step.get();
            Notification.show(getTranslation(done)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            onChange.run();
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, fields);
        } catch (OptimisticLockingFailureException meanwhile) {
            Notification.show(getTranslation("query.changed-meanwhile"))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            close();
            onChange.run();
        }
    }

    static String roleKey(PortalRole role) {
        return "role." + role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
