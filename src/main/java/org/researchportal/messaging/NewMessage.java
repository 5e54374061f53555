package org.researchportal.messaging;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A message to put in the outbox. The idempotency key names the send (purpose, person and due slot, for example
 * "session-reminder:p123:2026-11-23"), so planning the same send again finds the one already there.
 */
public record NewMessage(String idempotencyKey, MessagePurpose purpose, Channel channel, String recipient,
        @Nullable String participantId, @Nullable String studyId, Locale locale, @Nullable String subject, String body,
        @Nullable String htmlBody, Instant dueAt) {}
