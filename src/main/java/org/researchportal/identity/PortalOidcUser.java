package org.researchportal.identity;

import java.util.Collection;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalUser;
import org.researchportal.base.security.SignInWay;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in through OpenID Connect (production): tenant and roles come from the token's claims. */
final class PortalOidcUser extends DefaultOidcUser implements PortalPrincipal {

    private final PortalUser user;

    PortalOidcUser(PortalUser user, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
            OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo, "preferred_username");
        this.user = user;
    }

    @Override
    public PortalUser portalUser() {
        return user;
    }

    @Override
    public SignInWay signInWay() {
        return SignInWay.SINGLE_SIGN_ON;
    }
}
