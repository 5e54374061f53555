package org.researchportal.tenancy;

import java.util.Map;
import java.util.Optional;

/**
 * Appoints a new tenant's first administrator. Accounts belong to the identity module, which builds on tenancy, so
 * tenancy declares what it needs here and identity provides it (tenancy never depends on identity).
 */
public interface FirstAdministrators {

    /** Whether an identity provider owns the accounts (then the portal makes no first administrator's link). */
    boolean identityProviderOwnsAccounts();

    /** The refusals for the person named (field to message key), checked before anything is written. */
    Map<String, String> check(FirstAdministrator person);

    /**
     * Creates their account in the new tenant. Answers the one-time link on which they set their own password, or
     * empty where an identity provider owns the accounts (they are created there, not in the portal).
     */
    Optional<String> appoint(String tenantId, FirstAdministrator person);

    /**
     * A new one-time link for the tenant's first administrator who has not set a password yet (the first link was lost
     * or expired); the old link stops working. Empty when there is no such person (or an identity provider owns the
     * accounts).
     */
    Optional<FirstAdministratorLink> renewLink(String tenantId);

    /** Whose link it is, and the link. */
    record FirstAdministratorLink(String username, String link) {}
}
