package org.researchportal.messaging;

import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.ContactEnded;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a participant may no longer be contacted (on a channel, or at all), what is pending for them is cancelled,
 * and when they left, their links stop working.
 */
@Component
class ContactEndings {

    private final TenantSweeps tenants;
    private final Outbox outbox;
    private final ParticipantLinks links;

    ContactEndings(TenantSweeps tenants, Outbox outbox, ParticipantLinks links) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.links = links;
    }

    @EventListener
    void contactEnded(ContactEnded event) {
        // If this fails, the withdrawal stands: the dispatcher checks consent again before anything is sent.
        tenants.followUp(event.tenantId(), "contact-ended", EnumSet.of(PortalRole.COORDINATOR), "participant "
                + event.participantId(), () -> {
                    if (event.channel() == null) {
                        // Left the study: the links already sent stop working too.
                        links.revokeAll(event.participantId());
                    }
                    outbox.cancelPendingFor(event.participantId(), event.channel() == null ? null
                            : Channel.valueOf(event.channel().name()), event.reason());
                });
    }
}
