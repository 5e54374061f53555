package org.researchportal.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    private final TenantDocuments documents;
    private final SignInAccounts signInAccounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordLinks passwordLinks;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean identityProviderOwnsAccounts;
    private final AccountStandings standings;

    AccountService(TenantDocuments documents, SignInAccounts signInAccounts, PasswordEncoder passwordEncoder,
            PasswordLinks passwordLinks, AuditTrail audit, Clock clock,
            IdentityProperties settings, AccountStandings standings) {
        this.documents = documents;
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
        return documents.slice(new Query().with(Sort.by("username")), pageable, Account.class).map(this::toRow);
    }

    @Secured(Authorities.TENANT_ADMIN)
    public long accountCount() {
        return documents.count(new Query(), Account.class);
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
            documents.insert(account);
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("username", "account.username.taken");
        }
        audit.record("account.created", ENTITY, account.requireId(), null, account.auditView(), null);
        return toRow(account);
    }

    @Secured(Authorities.TENANT_ADMIN)
    public AccountRow changeRoles(String accountId, Set<PortalRole> roles) {
        Account account = documents.getById(accountId, Account.class);
        Map<String, String> errors = validateRoles(roles);
        if (isSelf(account) && !roles.contains(PortalRole.TENANT_ADMIN)) {
            errors.put("roles", "account.roles.keep-own-admin");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return change(account, "account.roles-changed", Update.update("roles", roles));
    }

    @Secured(Authorities.TENANT_ADMIN)
    public AccountRow setActive(String accountId, boolean active) {
        Account account = documents.getById(accountId, Account.class);
        if (!active && isSelf(account)) {
            throw ValidationException.of("active", "account.deactivate-self");
        }
        return change(account, active ? "account.reactivated" : "account.deactivated", Update.update("active", active));
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
        Account account = documents.getById(accountId, Account.class);
        if (account.getPasswordHash() != null || !account.isActive()
                || account.getRoles().contains(PortalRole.PARTICIPANT)) {
            // Participants get theirs from their clinician's invitation, with their study's words.
            throw ValidationException.of("password", "account.password-link.not-for-this-account");
        }
        String link = passwordLinks.issue(account);
        long changed = documents.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("passwordHash")
                .is(null)), new Update().set("passwordLinkHash", account.getPasswordLinkHash())
                        .set("passwordLinkExpiresAt", account.getPasswordLinkExpiresAt()).inc("version", 1),
                Account.class);
        if (changed == 0) {
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
        change(documents.getById(user.accountId(), Account.class), "account.language-changed",
                Update.update("language", tag));
    }

    /**
     * The names of the tenant's people that records refer to by username (who did something) or account id (who is
     * assigned): one query for a whole screen. Names are sealed at rest, so they are looked up by these keys and
     * opened here, never searched.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.THERAPIST, Authorities.COORDINATOR,
            Authorities.ASSESSOR})
    public PeopleNames names(Collection<String> usernamesOrAccountIds) {
        List<String> references = usernamesOrAccountIds.stream().filter(r -> r != null && !r.isBlank()
                && !r.startsWith(SystemActor.USERNAME_PREFIX)).distinct().toList();
        if (references.isEmpty()) {
            return new PeopleNames(List.of());
        }
        return new PeopleNames(documents.find(Query.query(new Criteria().orOperator(
                Criteria.where("username").in(references), Criteria.where("_id").in(references))), Account.class));
    }

    /** The active accounts that hold a role, for assigning work to them. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public List<AccountRow> accountsWithRole(PortalRole role) {
        return documents.find(Query.query(Criteria.where("roles").is(role).and("active").is(true))
                .with(Sort.by("username")), Account.class).stream().map(this::toRow).toList();
    }

    /** Whether an account of this tenant is active and holds a role (another tenant's account does not). */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public boolean holdsRole(String accountId, PortalRole role) {
        return documents.exists(Query.query(Criteria.where("_id").is(accountId).and("roles").is(role)
                .and("active").is(true)), Account.class);
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
    private AccountRow change(Account account, String action, Update update) {
        var before = account.auditView();
        documents.updateFirst(Query.query(Criteria.where("_id").is(account.requireId())), update.inc("version", 1),
                Account.class);
        // Sessions of the person on this node ask again at once, even inside a request already under way.
        standings.changed();
        Account after = documents.getById(account.requireId(), Account.class);
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
