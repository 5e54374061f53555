package org.researchportal.quality.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.PointWords;

/** The monitor questions one field: the query's words and the role that is to answer (the form's usual one). */
final class RaiseQueryDialog extends Dialog {

    RaiseQueryDialog(DataPoint point, @Nullable String value, DataQueries queries, PointWords words,
            Runnable onRaised) {
        addClassName("raise-query-dialog");
        setHeaderTitle(getTranslation("query.raise-on", words.item(point, getLocale())));
        add(new Paragraph(words.form(point, getLocale())));
        var text = new TextArea(getTranslation("query.text"));
        text.setMaxLength(DataQueries.TEXT_MAX_LENGTH);
        text.setWidthFull();
        text.addClassName("query-text");
        var assignee = new Select<PortalRole>();
        assignee.setLabel(getTranslation("query.assignee"));
        assignee.setItems(DataQueries.assignable(point.form().kind()));
        assignee.setItemLabelGenerator(r -> getTranslation(QueryDialog.roleKey(r)));
        assignee.setValue(DataQueries.defaultAssignee(point.form().kind()));
        assignee.addClassName("query-assignee");
        add(text, assignee);
        Map<String, HasValidation> fields = Map.of("text", text, "assignee", assignee);
        var raise = new Button(getTranslation("query.raise"), e -> {
            try {
                queries.raise(point, value, assignee.getValue(), text.getValue());
                Notification.show(getTranslation("query.raised")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                onRaised.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        raise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        raise.addClassName("query-raise-confirm");
        getFooter().add(new Button(getTranslation("query.cancel"), e -> close()), raise);
    }
}
