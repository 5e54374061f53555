package org.researchportal.messaging;

import java.util.Optional;
import org.researchportal.base.PublicAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The portal's public address as messages and Twilio use it: links in messages, the status callback Twilio is given,
 * and the URL Twilio signs. Without a configured one (the embedded default) links point at the local portal on its
 * actual port and Twilio is given no callback.
 */
@Component
class PortalAddress {

    private final PublicAddress address;

    @Autowired
    PortalAddress(PublicAddress address) {
        this.address = address;
    }

    /** A fixed address, for tests that build the providers by hand. */
    PortalAddress(String baseUrl) {
        this(new PublicAddress(baseUrl));
    }

    Optional<String> configured() {
        return address.configured();
    }

    /** The address for links people open. */
    String base() {
        return address.base();
    }
}
