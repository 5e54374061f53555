package org.researchportal.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The way into an empty installation (local sign-in): when {@code portal.bootstrap.platform-admin}
 * ({@code PORTAL_BOOTSTRAP_PLATFORM_ADMIN}) names a username and no platform administrator exists yet, that account is
 * made at start-up with no password, and its one-time set-password link is printed in the log, for whoever can read
 * the server's log. Once any platform administrator exists this does nothing. With OpenID Connect the platform
 * administrator role comes from the identity provider (realm role {@code platform-admin}), so nothing is made here.
 */
@Component
class PlatformBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformBootstrap.class);

    private final SignInAccounts accounts;
    private final PasswordLinks links;
    private final Clock clock;
    private final String username;
    private final boolean oidc;

    @Autowired
    PlatformBootstrap(SignInAccounts accounts, PasswordLinks links, Clock clock, IdentityProperties settings) {
        this(accounts, links, clock, settings.bootstrap().platformAdmin(),
                settings.identityProviderOwnsAccounts() ? "oidc" : "local");
    }

    PlatformBootstrap(SignInAccounts accounts, PasswordLinks links, Clock clock, String username, String authMode) {
        this.accounts = accounts;
        this.links = links;
        this.clock = clock;
        this.username = username.strip().toLowerCase(Locale.ROOT);
        this.oidc = "oidc".equals(authMode);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        start();
    }

    /** Answers the link printed, if one was (for tests; the log is where people read it). */
    Optional<String> start() {
        if (username.isEmpty()) {
            return Optional.empty();
        }
        if (oidc) {
            LOG.info("portal.bootstrap.platform-admin is ignored with OpenID Connect: give {} the realm role "
                    + "platform-admin in the identity provider", username);
            return Optional.empty();
        }
        if (accounts.platformAdministratorExists()) {
            Optional<String> renewed = links.renewForUnsetPlatformAdministrator(username);
            renewed.ifPresent(link -> LOG.warn(
                    "The platform administrator '{}' has not set a password yet: a new link, valid {} days: {}",
                    username, PasswordLinks.VALID_FOR.toDays(), link));
            return renewed;
        }
        if (!username.matches(Account.USERNAME_PATTERN)) {
            LOG.error("portal.bootstrap.platform-admin '{}' is not a valid username: lower-case letters, digits, "
                    + "dots, hyphens, underscores, @; 3 to 64 characters", username);
            return Optional.empty();
        }
        Account account = new Account(username, "Platform administrator", null,
                PortalLocales.toTag(PortalLocales.ENGLISH), Set.of(PortalRole.PLATFORM_ADMIN), null, clock.instant());
        String link = links.issue(account);
        try {
            accounts.insertPlatformAccount(account);
        } catch (DuplicateKeyException taken) {
            LOG.error("portal.bootstrap.platform-admin '{}' is already the username of a tenant's account", username);
            return Optional.empty();
        }
        LOG.warn("""
                No platform administrator existed: made the account '{}'. Set its password once, within {} days, \
                at {}""", username, PasswordLinks.VALID_FOR.toDays(), link);
        return Optional.of(link);
    }
}
