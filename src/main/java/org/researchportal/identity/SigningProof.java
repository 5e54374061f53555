package org.researchportal.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who proved again who they are for one signing, how and when: what an electronic signature records of its signer
 * (21 CFR 11.50: printed name, date and time). A proof is handed out once: in local sign-in by the call that checked
 * the password, through an identity provider by {@link Reauthentications#consume}, which marks it used.
 *
 * @param purpose what the signer was asked to sign, as the caller named it when it asked
 * @param fullIdentification whether the signer gave both components (username and password) rather than the password
 *            alone (21 CFR 11.200(a)(1))
 * @param at when the signer re-authenticated (for an identity provider: the token's {@code auth_time})
 * @param subject the identity provider's subject, for an identity provider's re-authentication
 * @param acr the identity provider's authentication context class ("1" = the password was entered now)
 */
public record SigningProof(String accountId, String username, String displayName, Method method, Instant at,
        boolean fullIdentification, String purpose, @Nullable String subject, @Nullable String acr) {

    /** How the signer re-authenticated. */
    public enum Method {
        /** The portal's own account: the password typed again into the portal. */
        LOCAL_PASSWORD,
        /** OpenID Connect: the identity provider asked for the password again ({@code prompt=login}). */
        IDENTITY_PROVIDER
    }
}
