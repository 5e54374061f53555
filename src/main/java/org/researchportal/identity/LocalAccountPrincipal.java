package org.researchportal.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.base.security.SignInWay;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A person signed in with a local account (the embedded default). */
final class LocalAccountPrincipal implements UserDetails, PortalPrincipal, CredentialsContainer {

    private final PortalUser user;
    private @Nullable String passwordHash;
    private final boolean active;
    private final boolean locked;
    /**
     * The roles the account held when this principal was made: a sign-in by link acts with fewer (participant only),
     * and the session ends when the account's roles are no longer these.
     */
    private final Set<PortalRole> accountRoles;
    private final SignInWay way;

    LocalAccountPrincipal(PortalUser user, @Nullable String passwordHash, boolean active, boolean locked) {
        this(user, passwordHash, active, locked, user.roles(), SignInWay.PASSWORD);
    }

    LocalAccountPrincipal(PortalUser user, @Nullable String passwordHash, boolean active, boolean locked,
            Set<PortalRole> accountRoles, SignInWay way) {
        this.user = user;
        this.way = way;
        this.passwordHash = passwordHash;
        this.active = active;
        this.locked = locked;
        this.accountRoles = Set.copyOf(accountRoles);
    }

    Set<PortalRole> accountRoles() {
        return accountRoles;
    }

    @Override
    public PortalUser portalUser() {
        return user;
    }

    @Override
    public SignInWay signInWay() {
        return way;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
