package org.researchportal.messaging;

import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.participants.ContactEnded;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a participant may no longer be contacted (on a channel, or at all), what is pending for them is cancelled,
 * and when they left, their links stop working.
 */
@Component
class ContactEndings {

    private static final Logger LOG = LoggerFactory.getLogger(ContactEndings.class);

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
        try {
            tenants.inTenant(event.tenantId(), "contact-ended", EnumSet.of(PortalRole.COORDINATOR), () -> {
                if (event.channel() == null) {
                    // Left the study: the links already sent stop working too.
                    links.revokeAll(event.participantId());
                }
                return outbox.cancelPendingFor(event.participantId(), event.channel() == null ? null
                        : Channel.valueOf(event.channel().name()), event.reason());
            });
        } catch (RuntimeException e) {
            // The withdrawal stands; the dispatcher checks consent again before anything is sent.
            LOG.error("Could not cancel the pending messages of participant {}", event.participantId(), e);
        }
    }
}
