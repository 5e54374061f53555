package org.researchportal.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.MissingParameter;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.AccountService;
import org.researchportal.messaging.Outbox;
import org.researchportal.participants.ParticipantContact;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.participants.ProgrammeParticipants;

/**
 * One participant's messages for the coordinator: how they may be reached, and every message planned or sent to
 * them with its timeline, to cancel or send again. An id of another tenant is simply not found.
 */
@Route("messages/participant")
@RolesAllowed(Roles.COORDINATOR)
final class MessageLogView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final Outbox outbox;
    private final ParticipantContacts participants;
    private final ProgrammeParticipants programmeParticipants;
    private final AccountService accounts;
    private String title = "";

    MessageLogView(Outbox outbox, ParticipantContacts participants, ProgrammeParticipants programmeParticipants,
            AccountService accounts) {
        this.outbox = outbox;
        this.participants = participants;
        this.programmeParticipants = programmeParticipants;
        this.accounts = accounts;
        addClassName("portal-view");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String participantId) {
        if (MissingParameter.forwardedHome(event, participantId)) {
            return;
        }
        var contact = participants.contact(participantId);
        var ref = programmeParticipants.programmeParticipant(participantId);
        if (contact.isEmpty() || ref.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = getTranslation("message.log-title", contact.get().displayName(),
                Formats.text(ref.get().studyNumber()));
        show(contact.get());
    }

    private void show(ParticipantContact contact) {
        removeAll();
        add(new ViewToolbar(title));
        var reach = new Paragraph(getTranslation("message.reach",
                Formats.text(contact.phone()), getTranslation(contact.smsConsent() ? "message.agreed"
                        : "message.not-agreed"),
                Formats.text(contact.email()), getTranslation(contact.emailConsent() ? "message.agreed"
                        : "message.not-agreed"), contact.language(), contact.timeZone()));
        reach.addClassName("portal-notice");
        add(reach, new Section(getTranslation("message.log"), new Button(getTranslation("message.refresh"),
                e -> show(participants.contact(contact.id()).orElse(contact))),
                new MessageGrid(outbox, accounts, outbox.messagesOf(contact.id()), () -> show(contact), false)));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
