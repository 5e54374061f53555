package org.researchportal.tenancy;

import org.jspecify.annotations.Nullable;

/** The person a platform administrator names as a new tenant's first administrator. */
public record FirstAdministrator(String username, String displayName, @Nullable String email) {}
