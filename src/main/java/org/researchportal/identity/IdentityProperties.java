package org.researchportal.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How people sign in, under {@code portal} (see application.yml and application-prod.yml). The one owner of
 * {@code portal.auth.mode}: other modules ask {@link #identityProviderOwnsAccounts()} instead of reading it. Checked at
 * start-up, so a mode the portal does not know stops it instead of quietly falling back to local sign-in.
 */
@ConfigurationProperties("portal")
@Validated
public record IdentityProperties(@Valid @DefaultValue Auth auth, @Valid @DefaultValue Api api,
        @Valid @DefaultValue Bootstrap bootstrap, @Valid @DefaultValue Demo demo) {

    /** With OpenID Connect the identity provider signs people in and owns their accounts. */
    public boolean identityProviderOwnsAccounts() {
        return auth.mode() == AuthMode.OIDC;
    }

    public enum AuthMode {
        /** The portal's own login view and accounts (the embedded default). */
        LOCAL,
        /** OpenID Connect (Keycloak). */
        OIDC
    }

    public record Auth(@DefaultValue("local") @NotNull AuthMode mode, @Valid @DefaultValue Oidc oidc) {}

    /** The token claims that name a person's tenant and portal roles. */
    public record Oidc(@DefaultValue("tenant") @NotBlank String tenantClaim,
            @DefaultValue("portal_roles") @NotBlank String rolesClaim) {}

    /** Whether the demo seed may bring in its printed API tokens. */
    public record Api(@DefaultValue("false") boolean tokenImport) {}

    /**
     * The demo accounts (embedded default only): whether the demo module seeds them, and their password, which the
     * sign-in page shows. Here because the sign-in page belongs to identity and the demo module builds on identity.
     */
    public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue("") String password) {}

    /** An empty installation's first platform administrator (local sign-in); empty: none. */
    public record Bootstrap(@DefaultValue("") String platformAdmin) {}
}
