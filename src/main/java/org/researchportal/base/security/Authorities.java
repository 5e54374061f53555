package org.researchportal.base.security;

/**
 * Role authorities as compile-time constants, for {@code @Secured} on service methods. Services use {@code @Secured}
 * rather than {@code @RolesAllowed}: with JSR-250 method security on, Spring would also proxy every view annotated
 * with {@code @RolesAllowed}/{@code @PermitAll}, which Vaadin reads for navigation access control instead.
 */
public final class Authorities {

    public static final String PLATFORM_ADMIN = "ROLE_" + Roles.PLATFORM_ADMIN;
    public static final String TENANT_ADMIN = "ROLE_" + Roles.TENANT_ADMIN;
    public static final String CLINICIAN = "ROLE_" + Roles.CLINICIAN;
    public static final String ASSESSOR = "ROLE_" + Roles.ASSESSOR;
    public static final String THERAPIST = "ROLE_" + Roles.THERAPIST;
    public static final String COORDINATOR = "ROLE_" + Roles.COORDINATOR;
    public static final String MONITOR = "ROLE_" + Roles.MONITOR;
    public static final String STATISTICIAN = "ROLE_" + Roles.STATISTICIAN;
    public static final String PARTICIPANT = "ROLE_" + Roles.PARTICIPANT;

    private Authorities() {
    }
}
