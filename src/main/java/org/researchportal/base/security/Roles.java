package org.researchportal.base.security;

/**
 * Role names as compile-time constants, for {@code @RolesAllowed} on views and service methods. Spring Security
 * grants them as authorities with the usual {@code ROLE_} prefix.
 */
public final class Roles {

    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
    public static final String TENANT_ADMIN = "TENANT_ADMIN";
    public static final String CLINICIAN = "CLINICIAN";
    public static final String ASSESSOR = "ASSESSOR";
    public static final String THERAPIST = "THERAPIST";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String MONITOR = "MONITOR";
    public static final String STATISTICIAN = "STATISTICIAN";
    public static final String PARTICIPANT = "PARTICIPANT";

    private Roles() {
    }
}
