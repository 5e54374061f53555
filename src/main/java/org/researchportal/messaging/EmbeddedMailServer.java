package org.researchportal.messaging;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default's SMTP server (GreenMail, on loopback): email really goes over SMTP and lands in its
 * mailboxes, so messaging works with no accounts. Production sets {@code portal.messaging.embedded-smtp=false} and
 * Spring Mail's {@code spring.mail.*} for the hospital's server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.messaging.embedded-smtp", havingValue = "true", matchIfMissing = true)
class EmbeddedMailServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail() {
        // Port 0: a free port, so tests and a second portal on one machine never collide.
        return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Bean
    JavaMailSender embeddedMailSender(GreenMail greenMail) {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        // Time-outs well below the dispatcher's lease: a hung send must end before another instance may retake it.
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "30000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "30000");
        return sender;
    }
}
