package org.researchportal.identity;

import java.time.Instant;
import java.util.UUID;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.identity.ReauthenticationRecord.Status;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * For tests of what a signature does with a re-authentication at the identity provider, in the local-mode test
 * portal: a signing of the signed-in person for a purpose, as the signing callback leaves it once Keycloak answered.
 */
public final class ReauthenticatedAtProvider {

    private ReauthenticatedAtProvider() {
    }

    /** Answers the reference the browser would bring back. */
    public static String signing(TenantDocuments documents, String purpose) {
        var user = CurrentUser.require();
        Instant now = Instant.now();
        String reference = "ref-" + UUID.randomUUID();
        var record = new ReauthenticationRecord(reference, user.accountId(), user.username(), user.displayName(),
                "sub-" + user.username(), purpose, "/signing", true, now.minusSeconds(5),
                now.plus(Reauthentications.VALID_FOR), Status.REAUTHENTICATED);
        ReflectionTestUtils.setField(record, "authTime", now.minusSeconds(2));
        ReflectionTestUtils.setField(record, "acr", "1");
        documents.insert(record);
        return reference;
    }
}
