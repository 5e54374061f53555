package org.researchportal.messaging.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Consumer;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.messaging.Channel;
import org.researchportal.messaging.MessagePurpose;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.messaging.TestMessages;

/** Sends a test message through the whole pipeline, so an administrator sees SMS and email work. */
final class TestMessageForm extends Composite<FormLayout> {

    TestMessageForm(TestMessages tests, Consumer<OutboxMessage> sent) {
        var channel = new Select<Channel>();
        channel.setLabel(getTranslation("message.channel"));
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation(c.messageKey()));
        channel.setValue(Channel.EMAIL);
        var language = new Select<String>();
        language.setLabel(getTranslation("message.language"));
        language.setItems("en", "zh-CN");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        language.setValue("en");
        var recipient = new TextField(getTranslation("message.recipient"));
        recipient.setHelperText(getTranslation("message.recipient.hint"));
        var send = new Button(getTranslation("message.send-test"), e -> {
            try {
                OutboxMessage message = tests.send(channel.getValue(), recipient.getValue(), language.getValue());
                recipient.setInvalid(false);
                sent.accept(message);
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, Map.<String, HasValidation>of("recipient", recipient));
            }
        });
        getContent().add(channel, language, recipient, send);
        getContent().getElement().setAttribute("aria-label", getTranslation(MessagePurpose.TEST.messageKey()));
    }
}
