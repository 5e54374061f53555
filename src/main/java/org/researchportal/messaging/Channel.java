package org.researchportal.messaging;

/** How a message travels. */
public enum Channel {
    SMS, EMAIL;

    public String messageKey() {
        return "message.channel." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
