package org.researchportal.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * A tenant just created, and the one-time link on which its first administrator sets their password: shown once to
 * the platform administrator, to hand on; {@code null} where an identity provider owns the accounts.
 */
public record NewTenant(Tenant tenant, @Nullable String setPasswordLink) {}
