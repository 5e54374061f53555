package org.researchportal.messaging;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.identity.AccountInvitation;
import org.researchportal.identity.ParticipantAccounts;
import org.researchportal.participants.ParticipantContact;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantService;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Invites a randomised participant to the portal on their phone: the clinician chooses SMS or email (one the
 * participant consented to), the participant gets a message with their username and a one-time link on which they
 * choose their own password, and the account is linked to their study record. Sent through the outbox like every
 * message, so consent and quiet hours hold at the moment it goes out. An invitation to an account whose owner has
 * not chosen a password yet sends a new link; one whose owner has is refused.
 */
@Service
public class ParticipantInvitations {

    private final ParticipantService participants;
    private final ParticipantContacts contacts;
    private final ParticipantAccounts accounts;
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    ParticipantInvitations(ParticipantService participants, ParticipantContacts contacts, ParticipantAccounts accounts,
            MessageTemplates templates,
            Outbox outbox, AuditTrail audit, Clock clock) {
        this.participants = participants;
        this.contacts = contacts;
        this.accounts = accounts;
        this.templates = templates;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the participant's account is ready (they chose a password), so no invitation is needed. */
    @Secured(Authorities.CLINICIAN)
    public boolean accountReady(String participantId) {
        ParticipantContact contact = contact(participantId);
        return contact.accountId() != null && accounts.hasPassword(contact.accountId());
    }

    /** The last invitation sent to the participant, if any: the panel offers to invite again and says when. */
    @Secured(Authorities.CLINICIAN)
    public Optional<InvitationSent> lastInvitation(String participantId) {
        contact(participantId);
        return outbox.latestOf(participantId, MessagePurpose.ACCOUNT_INVITATION)
                .map(m -> new InvitationSent(m.getCreatedAt(), m.getChannel(), m.getStatus()));
    }

    @Secured(Authorities.CLINICIAN)
    public OutboxMessage invite(String participantId, Channel channel) {
        ParticipantContact contact = contact(participantId);
        ParticipantRecord record = participants.participantRecord(participantId);
        if (record.studyNumber() == null) {
            throw ValidationException.of("channel", "invitation.not-randomised");
        }
        String recipient = recipient(contact, channel);
        AccountInvitation invitation = accounts.invite(participantId);
        TemplateText template = templates.template(MessagePurpose.ACCOUNT_INVITATION, channel, contact.language());
        Map<String, String> values = Map.of("name", contact.displayName(), "username", invitation.username(),
                "link", invitation.link());
        TemplateText text = template.render(values);
        OutboxMessage message = outbox.enqueue(new NewMessage("account-invitation:" + UUID.randomUUID(),
                MessagePurpose.ACCOUNT_INVITATION, channel, recipient, participantId, contact.studyId(),
                Locale.forLanguageTag(contact.language()), text.subject(), text.body(),
                channel == Channel.EMAIL ? template.renderHtml(values) : null, clock.instant()));
        audit.record("participant.invited", "Participant", participantId, null, Map.of("channel", channel.name(),
                "account", invitation.username()), null);
        return message;
    }

    private ParticipantContact contact(String participantId) {
        return contacts.contact(participantId).orElseThrow(() -> new NotFoundException("Participant",
                participantId));
    }

    /** Where the invitation goes: a channel the participant consented to and has an address for. */
    private static String recipient(ParticipantContact contact, Channel channel) {
        boolean consented = channel == Channel.SMS ? contact.smsConsent() : contact.emailConsent();
        String address = channel == Channel.SMS ? PhoneNumbers.e164(contact.phone(), null).orElse(null)
                : contact.email();
        if (!consented || address == null || address.isBlank()) {
            throw ValidationException.of("channel", channel == Channel.SMS ? "invitation.sms.not-possible"
                    : "invitation.email.not-possible");
        }
        return address;
    }
}
