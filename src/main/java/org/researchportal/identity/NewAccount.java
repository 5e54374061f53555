package org.researchportal.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;

/** What a tenant administrator enters to create an account. The password is only for local sign-in. */
public record NewAccount(String username, String displayName, @Nullable String email, String language,
        Set<PortalRole> roles, @Nullable String password) {}
