package org.researchportal.base.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do in a tenant. A person may hold several; each role has its own dashboard. The order of the
 * constants is the order in which a user with several roles is offered them (the first is where they land).
 */
public enum PortalRole {
    PLATFORM_ADMIN(Roles.PLATFORM_ADMIN, "platform/tenants"),
    TENANT_ADMIN(Roles.TENANT_ADMIN, "admin/users"),
    CLINICIAN(Roles.CLINICIAN, "clinician"),
    ASSESSOR(Roles.ASSESSOR, "assessments"),
    THERAPIST(Roles.THERAPIST, "therapist"),
    COORDINATOR(Roles.COORDINATOR, "coordinator"),
    MONITOR(Roles.MONITOR, "monitor"),
    STATISTICIAN(Roles.STATISTICIAN, "statistics"),
    PARTICIPANT(Roles.PARTICIPANT, "my-study");

    private final String roleName;
    private final String dashboardRoute;

    PortalRole(String roleName, String dashboardRoute) {
        this.roleName = roleName;
        this.dashboardRoute = dashboardRoute;
    }

    /** The Spring Security authority, e.g. {@code ROLE_CLINICIAN}. */
    public String authority() {
        return "ROLE_" + roleName;
    }

    /** The route of this role's dashboard, without a leading slash. */
    public String dashboardRoute() {
        return dashboardRoute;
    }

    /** The translation key of the role's name. */
    public String messageKey() {
        return "role." + name().toLowerCase(Locale.ROOT);
    }

    /** The name used in OpenID Connect tokens and the Keycloak realm, e.g. {@code tenant-admin}. */
    public String claimName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<PortalRole> fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claimName().equalsIgnoreCase(claim.trim())).findFirst();
    }

    /** The role a user with these roles lands on after sign-in. */
    public static Optional<PortalRole> primary(Collection<PortalRole> roles) {
        return roles.stream().min(Comparator.naturalOrder());
    }

    /** Whether this role is blinded to allocation: it sees no arm anywhere (the assessor and the monitor). */
    public boolean blinded() {
        return this == ASSESSOR || this == MONITOR;
    }

    /**
     * Whether one person may hold these roles together. A blinded role (assessor, monitor) may be held only with other
     * blinded roles (all other staff roles see arms, or will through the audit trail), and a participant holds no
     * staff role.
     */
    public static boolean conflicting(Collection<PortalRole> roles) {
        boolean assessorUnblinded = roles.stream().anyMatch(PortalRole::blinded)
                && roles.stream().anyMatch(r -> !r.blinded());
        boolean participantStaff = roles.contains(PARTICIPANT) && roles.stream().anyMatch(r -> r != PARTICIPANT);
        return assessorUnblinded || participantStaff;
    }

    public static List<PortalRole> tenantRoles() {
        return Arrays.stream(values()).filter(r -> r != PLATFORM_ADMIN).toList();
    }
}
