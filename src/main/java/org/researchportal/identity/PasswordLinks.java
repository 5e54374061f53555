package org.researchportal.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.researchportal.base.PublicAddress;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * One-time links on which a person sets their own password (local sign-in): a new tenant's first administrator, the
 * installation's first platform administrator. The link carries a random token; the account keeps only its hash and
 * expiry, so the stored data cannot be turned back into a link. Setting the password uses the link up.
 */
@Component
public class PasswordLinks {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final String ROUTE = "set-password";

    private final SecureRandom random = new SecureRandom();
    private final SignInAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final PublicAddress address;
    private final Clock clock;

    PasswordLinks(SignInAccounts accounts, PasswordEncoder passwordEncoder, PublicAddress address, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.address = address;
        this.clock = clock;
    }

    /** Gives a new account (not yet stored) a link; answers the link, to be shown or sent once. */
    String issue(Account account) {
        String token = newToken();
        account.setPasswordLink(ApiTokenService.hash(token), clock.instant().plus(VALID_FOR));
        return link(token);
    }

    /** A new link for a platform administrator who has never set a password; empty when there is none such. */
    java.util.Optional<String> renewForUnsetPlatformAdministrator(String username) {
        String token = newToken();
        return accounts.renewUnsetPlatformPasswordLink(username, ApiTokenService.hash(token),
                clock.instant().plus(VALID_FOR)) ? java.util.Optional.of(link(token)) : java.util.Optional.empty();
    }

    /** A renewed link: whose, and the link. */
    record Renewed(String accountId, String username, String link) {}

    /** A new link for a tenant administrator of this tenant who has never set a password, if there is one. */
    java.util.Optional<Renewed> renewForUnsetAdministrator(String tenantId) {
        String token = newToken();
        return accounts.renewUnsetAdministratorPasswordLink(tenantId, ApiTokenService.hash(token),
                clock.instant().plus(VALID_FOR)).map(a -> new Renewed(a.requireId(), a.getUsername(), link(token)));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String link(String token) {
        return address.base() + "/" + ROUTE + "/" + token;
    }

    /** Whether the token opens an unexpired, unused link (the form is shown only then). */
    public boolean isOpen(String token) {
        return accounts.findByPasswordLink(ApiTokenService.hash(token), clock.instant()).isPresent();
    }

    /**
     * Sets the password of the account the link belongs to and uses the link up. Answers the username, or throws a
     * {@link org.researchportal.base.ValidationException} for a password that is not acceptable; empty when the link
     * is unknown, used or expired.
     */
    public java.util.Optional<String> setPassword(String token, String password) {
        AccountService.requireAcceptablePassword(password);
        return accounts.usePasswordLink(ApiTokenService.hash(token), passwordEncoder.encode(password), clock.instant())
                .map(Account::getUsername);
    }
}
