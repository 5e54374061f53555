package org.researchportal.messaging;

import java.io.Serializable;

/**
 * A questionnaire link opened on a device not signed in as its participant, waiting for her answer to the identity
 * check. Kept in the HTTP session of that device only; it names the link by its id, never by its token, so nothing in
 * the session can open the link again elsewhere.
 */
public record PendingCheck(String tenantId, String linkId, String participantId, String accountId, String location)
        implements
            Serializable {

    /** The session attribute it is kept under. */
    public static final String SESSION_KEY = PendingCheck.class.getName();
    /** The route of the public page that asks her. */
    public static final String PAGE = "identity-check";
}
