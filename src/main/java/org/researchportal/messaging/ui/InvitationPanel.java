package org.researchportal.messaging.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Optional;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;
import org.researchportal.messaging.Channel;
import org.researchportal.messaging.InvitationSent;
import org.researchportal.messaging.ParticipantInvitations;
import org.researchportal.participants.ParticipantRecord;

/**
 * Invites the participant to their phone account by SMS or email, on the channels they consented to; they choose
 * their own password on the link. Until they do, the invitation can be sent again with a new link.
 */
final class InvitationPanel extends Composite<Div> {

    InvitationPanel(ParticipantRecord record, ParticipantInvitations invitations, Runnable reload) {
        Div card = getContent();
        card.addClassNames("card", "invitation-panel");
        card.add(new H2(getTranslation("invitation.title")), new Paragraph(getTranslation("invitation.explain")));
        var error = new Paragraph();
        error.addClassName("field-error");
        error.setVisible(false);
        // Once one was sent, the buttons send it again (a new link) and the panel says when the last one went.
        Optional<InvitationSent> last = invitations.lastInvitation(record.id());
        last.ifPresent(sent -> card.add(new Paragraph(getTranslation("invitation.last",
                getTranslation(sent.channel().messageKey()), Formats.dateTime(sent.at(), CurrentUser.require().zone(),
                        getLocale()), getTranslation(sent.status().messageKey())))));
        var actions = new HorizontalLayout();
        actions.setWrap(true);
        boolean smsPossible = record.consent() != null && record.consent().smsContact() && record.phone() != null;
        boolean emailPossible = record.consent() != null && record.consent().emailContact() && record.email() != null;
        for (Channel channel : Channel.values()) {
            boolean possible = channel == Channel.SMS ? smsPossible : emailPossible;
            String label = (last.isPresent() ? "invitation.again-by-" : "invitation.by-")
                    + (channel == Channel.SMS ? "sms" : "email");
            var invite = new Button(getTranslation(label),
                    e -> {
                        try {
                            invitations.invite(record.id(), channel);
                            Notification.show(getTranslation("invitation.queued"), 6000, Notification.Position.MIDDLE)
                                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                            reload.run();
                        } catch (ValidationException refusal) {
                            error.setText(getTranslation(refusal.fieldMessageKeys().values().iterator().next()));
                            error.setVisible(true);
                        }
                    });
            invite.setEnabled(possible);
            if (channel == Channel.SMS) {
                invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            actions.add(invite);
        }
        card.add(actions, error);
        if (!smsPossible && !emailPossible) {
            card.add(new Paragraph(getTranslation("invitation.no-channel")));
        }
    }
}
