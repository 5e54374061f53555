package org.researchportal.messaging;

/** How a message travels. */
public enum Channel {
    SMS, EMAIL
}
