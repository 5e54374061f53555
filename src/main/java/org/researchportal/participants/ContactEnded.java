package org.researchportal.participants;

import org.jspecify.annotations.Nullable;

/**
 * A participant may no longer be contacted on a channel (null: on any): consent to SMS or email withdrawn, or they
 * left the study (withdrawn, lost to follow-up). Messaging cancels what it planned for them. Ids only.
 */
public record ContactEnded(String tenantId, String participantId, @Nullable Channel channel, String reason) {

    /** The ways a participant is reached, as consent names them. */
    public enum Channel {
        SMS, EMAIL
    }
}
