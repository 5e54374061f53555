package org.researchportal.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email through the shared SMTP server (Spring Mail), from the tenant's own sender address: plain text and HTML in
 * one multipart message, in the recipient's language. A refused address fails for good; a server that is down or
 * busy is tried again.
 */
@Component
class SmtpEmail implements MessageSender {

    private final JavaMailSender mail;
    private final String defaultFrom;

    @Autowired
    SmtpEmail(JavaMailSender mail, MessagingProperties settings) {
        this(mail, settings.emailFrom());
    }

    SmtpEmail(JavaMailSender mail, String from) {
        this.mail = mail;
        this.defaultFrom = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(OutboxMessage message, ProviderSettings settings) {
        try {
            MimeMessage mime = mail.createMimeMessage();
            var helper = new MimeMessageHelper(mime, message.htmlBodyToSend() != null,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(settings.emailFrom() != null ? settings.emailFrom() : defaultFrom));
            helper.setTo(new InternetAddress(message.getRecipient(), true));
            helper.setSubject(message.getSubject() == null ? "" : message.getSubject());
            if (message.htmlBodyToSend() != null) {
                helper.setText(message.bodyToSend(), message.htmlBodyToSend());
            } else {
                helper.setText(message.bodyToSend());
            }
            mime.setHeader("Content-Language", message.getLocale().toLanguageTag());
            mime.setHeader("X-Portal-Message", message.requireId());
            mail.send(mime);
            return new SendResult.Sent(mime.getMessageID() == null ? "smtp-" + message.requireId()
                    : mime.getMessageID());
        } catch (AddressException | MailParseException badAddress) {
            return new SendResult.Failed("address", "The email address is not valid");
        } catch (MailSendException refused) {
            boolean permanent = refused.getFailedMessages().values().stream().anyMatch(
                    e -> e instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                            && failed.getInvalidAddresses().length > 0);
            return permanent ? new SendResult.Failed("rejected", "The mail server refused the address")
                    : new SendResult.Retry("smtp", "The mail server did not take the message");
        } catch (MailAuthenticationException | MessagingException e) {
            return new SendResult.Retry("smtp", e.getClass().getSimpleName());
        } catch (MailException e) {
            return new SendResult.Retry("smtp", e.getClass().getSimpleName());
        }
    }
}
