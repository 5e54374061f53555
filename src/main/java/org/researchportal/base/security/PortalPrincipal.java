package org.researchportal.base.security;

/** A Spring Security principal that carries the portal's view of the signed-in person. */
public interface PortalPrincipal {

    PortalUser portalUser();

    /** How they signed in; a local account by its password unless it says otherwise. */
    default SignInWay signInWay() {
        return SignInWay.PASSWORD;
    }
}
