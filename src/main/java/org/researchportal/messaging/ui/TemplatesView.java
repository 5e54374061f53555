package org.researchportal.messaging.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.messaging.Channel;
import org.researchportal.messaging.MessagePurpose;
import org.researchportal.messaging.MessageTemplates;
import org.researchportal.messaging.TemplateText;

/**
 * The tenant administrator's wording of every message, per kind, channel and language: the placeholders each kind
 * may use, a preview with realistic values, and for SMS what the text costs in segments.
 */
@Route("message-templates")
@Menu(order = 76, icon = "EDIT", title = "menu.templates")
@RolesAllowed(Roles.TENANT_ADMIN)
final class TemplatesView extends Main implements HasDynamicTitle {

    private final MessageTemplates templates;
    private final Select<MessagePurpose> purpose = new Select<>();
    private final Select<Channel> channel = new Select<>();
    private final Select<String> language = new Select<>();
    private final TextField subject = new TextField();
    private final TextArea body = new TextArea();
    private final Paragraph placeholders = new Paragraph();
    private final Div preview = new Div();

    TemplatesView(MessageTemplates templates) {
        this.templates = templates;
        addClassName("portal-view");
        purpose.setLabel(getTranslation("template.kind"));
        purpose.setItems(MessagePurpose.values());
        purpose.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        channel.setLabel(getTranslation("message.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        language.setLabel(getTranslation("message.language"));
        language.setItems("en", "zh-CN");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        subject.setLabel(getTranslation("template.subject"));
        body.setLabel(getTranslation("template.body"));
        body.setMaxLength(1600);
        body.setWidthFull();
        subject.setWidthFull();
        purpose.setValue(MessagePurpose.SESSION_REMINDER);
        channel.setValue(Channel.SMS);
        language.setValue("zh-CN");
        purpose.addValueChangeListener(e -> load());
        channel.addValueChangeListener(e -> load());
        language.addValueChangeListener(e -> load());
        Map<String, HasValidation> fields = Map.of("body", body, "subject", subject);
        var show = new Button(getTranslation("template.preview"), e -> {
            try {
                showPreview(templates.preview(purpose.getValue(), channel.getValue(), language.getValue(), text()));
                FieldErrors.clear(fields);
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, fields);
            }
        });
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                showPreview(templates.save(purpose.getValue(), channel.getValue(), language.getValue(), text()));
                FieldErrors.clear(fields);
                Notification.show(getTranslation("template.saved"), 3000, Notification.Position.BOTTOM_START);
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var choose = new FormLayout(purpose, channel, language);
        preview.addClassName("card");
        add(new ViewToolbar(getTranslation("menu.templates")), choose, new Section(getTranslation("template.words"),
                placeholders, subject, body, new Div(show, save)), new Section(getTranslation("template.preview"),
                        preview));
        load();
    }

    private TemplateText text() {
        return new TemplateText(channel.getValue() == Channel.EMAIL ? subject.getValue() : null, body.getValue());
    }

    private void load() {
        TemplateText current = templates.template(purpose.getValue(), channel.getValue(), language.getValue());
        subject.setVisible(channel.getValue() == Channel.EMAIL);
        subject.setValue(current.subject() == null ? "" : current.subject());
        body.setValue(current.body());
        placeholders.setText(getTranslation("template.placeholders", String.join(", ",
                MessageTemplates.placeholders(purpose.getValue()).stream().map(p -> "{" + p + "}").toList())));
        preview.removeAll();
    }

    private void showPreview(MessageTemplates.Preview shown) {
        preview.removeAll();
        if (shown.subject() != null) {
            preview.add(new Paragraph(getTranslation("template.subject") + ": " + shown.subject()));
        }
        preview.add(new Paragraph(shown.body()));
        if (shown.segments() != null) {
            preview.add(new Paragraph(getTranslation("template.segments", shown.segments().characters(),
                    shown.segments().segments(), shown.segments().unicode() ? "UCS-2" : "GSM-7")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.templates");
    }
}
