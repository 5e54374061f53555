package org.researchportal.messaging;

/** Hands a message of one channel to its provider. It never throws: every outcome is a {@link SendResult}. */
interface MessageSender {

    Channel channel();

    SendResult send(OutboxMessage message, ProviderSettings settings);
}
