package org.researchportal.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.base.security.SystemActor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Accounts and role assignments in the signed-in person's tenant: the identity module's API. Changes are single
 * targeted updates, never a save of the whole account, so an administrator's edit cannot undo a sign-in lock that
 * landed in between.
 */
@Service
public class AccountService {

    static final String ENTITY = "Account";

    private final AccountRecords records;
    private final SignInAccounts signInAccounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordLinks passwordLinks;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean identityProviderOwnsAccounts;
    private final AccountStandings standings;

    AccountService(AccountRecords records, SignInAccounts signInAccounts, PasswordEncoder passwordEncoder,
            PasswordLinks passwordLinks, AuditTrail audit, Clock clock,
            IdentityProperties settings, AccountStandings standings) {
        this.records = records;
        this.signInAccounts = signInAccounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordLinks = passwordLinks;
        this.audit = audit;
        this.clock = clock;
        this.identityProviderOwnsAccounts = settings.identityProviderOwnsAccounts();
        this.standings = standings;
    }

    @Secured(Authorities.TENANT_ADMIN)
    public Slice<AccountRow> accounts(Pageable pageable) {
        return records.accounts(pageable).map(this::toRow);
    }

    @Secured(Authorities.TENANT_ADMIN)
    public long accountCount() {
        return records.count();
    }

    /**
     * Creates an account in the current tenant (local sign-in only: with OpenID Connect the identity provider owns
     * accounts and the portal mirrors them at sign-in). Tenant administrators cannot create platform administrators.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public AccountRow create(NewAccount request) {
        if (identityProviderOwnsAccounts) {
            throw ValidationException.of("username", "account.managed-by-identity-provider");
        }
        String username = request.username().trim().toLowerCase(Locale.ROOT);
        Map<String, String> errors = validateProfile(request.displayName(), request.email(), request.roles());
        if (!username.matches(Account.USERNAME_PATTERN)) {
            errors.put("username", "account.username.invalid");
        }
        String password = request.password();
        if (password == null || !acceptablePassword(password)) {
            errors.put("password", "account.password.invalid");
        }
        if (!errors.isEmpty() || password == null) {
            throw new ValidationException(errors);
        }
        Account account = new Account(username, request.displayName().trim(), Inputs.blankToNull(request.email()),
                PortalLocales.toTag(PortalLocales.fromTag(request.language())), request.roles(),
                passwordEncoder.encode(password), clock.instant());
        try {
            records.add(account);
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("username", "account.username.taken");
        }
        audit.record("account.created", ENTITY, account.requireId(), null, account.auditView(), null);
        return toRow(account);
    }

    @Secured(Authorities.TENANT_ADMIN)
    public AccountRow changeRoles(String accountId, Set<PortalRole> roles) {
        Account account = records.account(accountId);
        Map<String, String> errors = validateRoles(roles);
        if (isSelf(account) && !roles.contains(PortalRole.TENANT_ADMIN)) {
            errors.put("roles", "account.roles.keep-own-admin");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return change(account, "account.roles-changed", id -> records.changeRoles(id, roles));
    }

    @Secured(Authorities.TENANT_ADMIN)
    public AccountRow setActive(String accountId, boolean active) {
        Account account = records.account(accountId);
        if (!active && isSelf(account)) {
            throw ValidationException.of("active", "account.deactivate-self");
        }
        return change(account, active ? "account.reactivated" : "account.deactivated",
                id -> records.setActive(id, active));
    }

    /**
     * A one-time link on which a person of the tenant who has no password sets their own (local sign-in): someone
     * brought in with an institution archive, which carries no passwords. Answered once, to be handed to them; an
     * earlier link stops working. Never for an account that has a password: this is not a way to take one over.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public AccountInvitation passwordLink(String accountId) {
        if (identityProviderOwnsAccounts) {
            throw ValidationException.of("password", "account.managed-by-identity-provider");
        }
        Account account = records.account(accountId);
        if (account.getPasswordHash() != null || !account.isActive()
                || account.getRoles().contains(PortalRole.PARTICIPANT)) {
            // Participants get theirs from their clinician's invitation, with their study's words.
            throw ValidationException.of("password", "account.password-link.not-for-this-account");
        }
        String link = passwordLinks.issue(account);
        if (!records.storePasswordLink(account)) {
            throw ValidationException.of("password", "account.password-link.not-for-this-account");
        }
        audit.record("account.password-link-issued", ENTITY, accountId, null, Map.of("username",
                account.getUsername()), null);
        return new AccountInvitation(accountId, account.getUsername(), link);
    }

    /** Any signed-in person chooses their own language. */
    @PreAuthorize("isAuthenticated()")
    public void changeLanguage(Locale locale) {
        PortalUser user = CurrentUser.require();
        String tag = PortalLocales.toTag(locale);
        if (user.tenantId() == null) {
            signInAccounts.changePlatformAccountLanguage(user.accountId(), tag);
            return;
        }
        change(records.account(user.accountId()), "account.language-changed",
                id -> records.changeLanguage(id, tag));
    }

    /**
     * The names of the tenant's people that records refer to by username (who did something) or account id (who is
     * assigned): one query for a whole screen. Names are sealed at rest, so they are looked up by these keys and
     * opened here, never searched.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.THERAPIST, Authorities.COORDINATOR,
            Authorities.ASSESSOR, Authorities.MONITOR})
    public PeopleNames names(Collection<String> usernamesOrAccountIds) {
        List<String> references = usernamesOrAccountIds.stream().filter(r -> r != null && !r.isBlank()
                && !r.startsWith(SystemActor.USERNAME_PREFIX)).distinct().toList();
        if (references.isEmpty()) {
            return new PeopleNames(List.of());
        }
        return new PeopleNames(records.byUsernameOrId(references));
    }

    /** The active accounts that hold a role, for assigning work to them. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public List<AccountRow> accountsWithRole(PortalRole role) {
        return records.activeWithRole(role).stream().map(this::toRow).toList();
    }

    /** Whether an account of this tenant is active and holds a role (another tenant's account does not). */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public boolean holdsRole(String accountId, PortalRole role) {
        return records.activeAndHolds(accountId, role);
    }

    /** Platform administrators have no tenant; only a platform administrator creates another. */
    @Secured(Authorities.PLATFORM_ADMIN)
    public void createPlatformAdministrator(String username, String displayName, String password) {
        if (!username.matches(Account.USERNAME_PATTERN)) {
            throw ValidationException.of("username", "account.username.invalid");
        }
        if (!acceptablePassword(password)) {
            throw ValidationException.of("password", "account.password.invalid");
        }
        try {
            signInAccounts.insertPlatformAccount(new Account(username, displayName, null,
                    PortalLocales.toTag(PortalLocales.ENGLISH), Set.of(PortalRole.PLATFORM_ADMIN),
                    passwordEncoder.encode(password), clock.instant()));
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("username", "account.username.taken");
        }
    }

    /** One targeted, audited change; the version moves on so a concurrent edit of the whole account fails. */
    private AccountRow change(Account account, String action, Consumer<String> write) {
        var before = account.auditView();
        write.accept(account.requireId());
        // Sessions of the person on this node ask again at once, even inside a request already under way.
        standings.changed();
        Account after = records.account(account.requireId());
        audit.record(action, ENTITY, account.requireId(), before, after.auditView(), null);
        return toRow(after);
    }

    static void requireAcceptablePassword(String password) {
        if (!acceptablePassword(password)) {
            throw ValidationException.of("password", "account.password.invalid");
        }
    }

    /** The refusals for a tenant's first administrator, named by a platform administrator. */
    Map<String, String> checkFirstAdministrator(String username, String displayName, @Nullable String email) {
        Map<String, String> errors = validateProfile(displayName, email, Set.of(PortalRole.TENANT_ADMIN));
        String normalised = username.trim().toLowerCase(Locale.ROOT);
        if (!normalised.matches(Account.USERNAME_PATTERN)) {
            errors.put("username", "account.username.invalid");
        } else if (signInAccounts.findByUsername(normalised).isPresent()) {
            errors.put("username", "account.username.taken");
        }
        return errors;
    }

    private static boolean acceptablePassword(String password) {
        return password.length() >= Account.PASSWORD_MIN_LENGTH
                && password.getBytes(StandardCharsets.UTF_8).length <= Account.PASSWORD_MAX_BYTES;
    }

    static Map<String, String> validateProfile(String displayName, @Nullable String email,
            Set<PortalRole> roles) {
        Map<String, String> errors = validateRoles(roles);
        if (Inputs.isBlankOrLonger(displayName, Account.DISPLAY_NAME_MAX_LENGTH)) {
            errors.put("displayName", "account.display-name.invalid");
        }
        if (!Inputs.isOptionalEmail(email)) {
            errors.put("email", "account.email.invalid");
        }
        return errors;
    }

    private static Map<String, String> validateRoles(Set<PortalRole> roles) {
        Map<String, String> errors = new HashMap<>();
        if (roles.contains(PortalRole.PLATFORM_ADMIN)) {
            errors.put("roles", "account.roles.no-platform-admin");
        } else if (PortalRole.conflicting(roles)) {
            errors.put("roles", "account.roles.conflict");
        }
        return errors;
    }

    private static boolean isSelf(Account account) {
        return account.requireId().equals(CurrentUser.require().accountId());
    }

    private AccountRow toRow(Account account) {
        return new AccountRow(account.requireId(), account.getUsername(), account.getDisplayName(),
                account.getEmail(), account.getLanguage(), account.getRoles(), account.isActive(),
                account.isLocked(clock.instant()), account.getLastSignInAt(), account.getPasswordHash() != null);
    }
}
