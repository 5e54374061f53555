package org.researchportal.messaging;

/**
 * The text a message goes out with, links whole, as only the senders read it: for tests that play the recipient
 * (following the link from their SMS). Anyone else sees {@link OutboxMessage#getBody()}, links masked.
 */
public final class SentText {

    private SentText() {
    }

    public static String of(OutboxMessage message) {
        return message.bodyToSend();
    }
}
