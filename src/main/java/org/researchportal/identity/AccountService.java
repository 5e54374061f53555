package org.researchportal.identity;

import org.springframework.security.access.annotation.Secured;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.base.security.Authorities;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Accounts and role assignments in the signed-in person's tenant: the identity module's API. */
@Service
public class AccountService {

    static final String ENTITY = "Account";
    private static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private final TenantDocuments documents;
    private final SignInAccounts signInAccounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;

    AccountService(TenantDocuments documents, SignInAccounts signInAccounts, PasswordEncoder passwordEncoder,
            AuditTrail audit, Clock clock) {
        this.documents = documents;
        this.signInAccounts = signInAccounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Secured(Authorities.TENANT_ADMIN)
    public Slice<AccountRow> accounts(Pageable pageable) {
        return documents.slice(new Query(), pageable, Account.class).map(this::toRow);
    }

    @Secured(Authorities.TENANT_ADMIN)
    public long accountCount() {
        return documents.count(new Query(), Account.class);
    }

    /** Creates an account in the current tenant. Tenant administrators cannot create platform administrators. */
    @Secured(Authorities.TENANT_ADMIN)
    public AccountRow create(NewAccount request) {
        String username = request.username().trim().toLowerCase(Locale.ROOT);
        Map<String, String> errors = validateProfile(request.displayName(), request.email(), request.roles());
        if (!username.matches(Account.USERNAME_PATTERN)) {
            errors.put("username", "account.username.invalid");
        }
        String password = request.password();
        if (password != null && (password.length() < Account.PASSWORD_MIN_LENGTH
                || password.length() > Account.PASSWORD_MAX_LENGTH)) {
            errors.put("password", "account.password.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Account account = new Account(username, request.displayName().trim(), blankToNull(request.email()),
                PortalLocales.toTag(PortalLocales.fromTag(request.language())), request.roles(),
                password == null ? null : passwordEncoder.encode(password), clock.instant());
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
        var before = account.auditView();
        account.setRoles(roles);
        documents.save(account);
        audit.record("account.roles-changed", ENTITY, accountId, before, account.auditView(), null);
        return toRow(account);
    }

    @Secured(Authorities.TENANT_ADMIN)
    public AccountRow setActive(String accountId, boolean active) {
        Account account = documents.getById(accountId, Account.class);
        if (!active && isSelf(account)) {
            throw ValidationException.of("active", "account.deactivate-self");
        }
        var before = account.auditView();
        account.setActive(active);
        documents.save(account);
        audit.record(active ? "account.reactivated" : "account.deactivated", ENTITY, accountId, before,
                account.auditView(), null);
        return toRow(account);
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
        Account account = documents.getById(user.accountId(), Account.class);
        var before = account.auditView();
        account.setLanguage(tag);
        documents.save(account);
        audit.record("account.language-changed", ENTITY, account.requireId(), before, account.auditView(), null);
    }

    /** Display names of accounts in the tenant, for showing who is assigned to what. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.THERAPIST, Authorities.COORDINATOR, Authorities.ASSESSOR})
    public Map<String, String> displayNames(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return documents.find(Query.query(Criteria.where("_id").in(accountIds)), Account.class).stream()
                .collect(Collectors.toMap(Account::requireId, Account::getDisplayName));
    }

    /** The active accounts that hold a role, for assigning work to them. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public List<AccountRow> accountsWithRole(PortalRole role) {
        return documents.find(Query.query(Criteria.where("roles").is(role).and("active").is(true)), Account.class)
                .stream().map(this::toRow).toList();
    }

    /** Platform administrators have no tenant; only a platform administrator creates another. */
    @Secured(Authorities.PLATFORM_ADMIN)
    public void createPlatformAdministrator(String username, String displayName, String password) {
        if (!username.matches(Account.USERNAME_PATTERN)) {
            throw ValidationException.of("username", "account.username.invalid");
        }
        if (password.length() < Account.PASSWORD_MIN_LENGTH || password.length() > Account.PASSWORD_MAX_LENGTH) {
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

    private static Map<String, String> validateProfile(String displayName, @Nullable String email,
            Set<PortalRole> roles) {
        Map<String, String> errors = validateRoles(roles);
        String name = displayName.trim();
        if (name.isEmpty() || name.length() > Account.DISPLAY_NAME_MAX_LENGTH) {
            errors.put("displayName", "account.display-name.invalid");
        }
        String mail = blankToNull(email);
        if (mail != null && (mail.length() > Account.EMAIL_MAX_LENGTH || !mail.matches(EMAIL_PATTERN))) {
            errors.put("email", "account.email.invalid");
        }
        return errors;
    }

    private static Map<String, String> validateRoles(Set<PortalRole> roles) {
        Map<String, String> errors = new HashMap<>();
        if (roles.contains(PortalRole.PLATFORM_ADMIN)) {
            errors.put("roles", "account.roles.no-platform-admin");
        }
        return errors;
    }

    private static boolean isSelf(Account account) {
        return account.requireId().equals(CurrentUser.require().accountId());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private AccountRow toRow(Account account) {
        return new AccountRow(account.requireId(), account.getUsername(), account.getDisplayName(),
                account.getEmail(), account.getLanguage(), account.getRoles(), account.isActive(),
                account.isLocked(clock.instant()), account.getLastSignInAt());
    }
}
