package org.researchportal.base.security;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in person as the portal sees them, whichever way they signed in (local account or OpenID Connect).
 * The tenant comes from here and nowhere else: never from a URL or a form.
 *
 * @param accountId the portal account's id
 * @param tenantId the tenant the person works in; {@code null} only for platform administrators
 * @param tenantName the tenant's display name, fixed at sign-in for the layout
 * @param zone the tenant's time zone (UTC for platform administrators), in which times are shown
 */
public record PortalUser(String accountId, String username, String displayName, @Nullable String tenantId,
        @Nullable String tenantName, Set<PortalRole> roles, Locale locale, ZoneId zone) implements Serializable {

    public PortalUser {
        roles = roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean hasRole(PortalRole role) {
        return roles.contains(role);
    }

    /** Whether this person is blinded to allocation (an assessor or a monitor): no arm may reach them. */
    public boolean blinded() {
        return roles.stream().anyMatch(PortalRole::blinded);
    }
}
