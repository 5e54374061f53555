package org.researchportal.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.FirstAdministrator;
import org.researchportal.tenancy.FirstAdministrators;
import org.springframework.stereotype.Component;

/**
 * A new tenant's first administrator, appointed by the platform administrator who creates the tenant. With local
 * sign-in the account is made here with no password and a one-time link on which its owner sets one; with OpenID
 * Connect accounts live in the identity provider, so nothing is made here (the account is mirrored at first sign-in).
 */
@Component
class FirstAdministratorAccounts implements FirstAdministrators {

    private final AccountService accounts;
    private final AccountRecords records;
    private final PasswordLinks links;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean identityProviderOwnsAccounts;

    FirstAdministratorAccounts(AccountService accounts, AccountRecords records, PasswordLinks links,
            AuditTrail audit, Clock clock, IdentityProperties settings) {
        this.accounts = accounts;
        this.records = records;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
        this.identityProviderOwnsAccounts = settings.identityProviderOwnsAccounts();
    }

    @Override
    public boolean identityProviderOwnsAccounts() {
        return identityProviderOwnsAccounts;
    }

    @Override
    public Map<String, String> check(FirstAdministrator person) {
        if (identityProviderOwnsAccounts) {
            return Map.of();
        }
        return accounts.checkFirstAdministrator(person.username(), person.displayName(), person.email());
    }

    @Override
    public Optional<String> appoint(String tenantId, FirstAdministrator person) {
        if (identityProviderOwnsAccounts) {
            return Optional.empty();
        }
        Account account = new Account(person.username().trim().toLowerCase(Locale.ROOT), person.displayName().trim(),
                Inputs.blankToNull(person.email()), PortalLocales.toTag(PortalLocales.ENGLISH),
                Set.of(PortalRole.TENANT_ADMIN), null, clock.instant());
        String link = links.issue(account);
        records.addTo(tenantId, account);
        audit.recordPlatformAct(tenantId, "account.created", AccountService.ENTITY, account.requireId(), null,
                account.auditView());
        return Optional.of(link);
    }

    @Override
    public Optional<FirstAdministratorLink> renewLink(String tenantId) {
        if (identityProviderOwnsAccounts) {
            return Optional.empty();
        }
        Optional<PasswordLinks.Renewed> renewed = links.renewForUnsetAdministrator(tenantId);
        renewed.ifPresent(r -> audit.recordPlatformAct(tenantId, "account.password-link-renewed",
                AccountService.ENTITY, r.accountId(), null, Map.of("username", r.username())));
        return renewed.map(r -> new FirstAdministratorLink(r.username(), r.link()));
    }
}
