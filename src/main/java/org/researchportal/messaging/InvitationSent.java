package org.researchportal.messaging;

import java.time.Instant;

/** The last invitation to a participant's phone account: when the clinician sent it, how, and how far it got. */
public record InvitationSent(Instant at, Channel channel, OutboxMessage.Status status) {}
