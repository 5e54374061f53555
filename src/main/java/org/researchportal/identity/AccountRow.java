package org.researchportal.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;

/** An account as the tenant administrator's list shows it. */
public record AccountRow(String id, String username, String displayName, @Nullable String email, String language,
        Set<PortalRole> roles, boolean active, boolean locked, @Nullable Instant lastSignInAt, boolean passwordSet) {}
