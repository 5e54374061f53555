package org.researchportal.identity;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.researchportal.tenancy.ArchiveRules;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.stereotype.Component;

/**
 * Accounts in a tenant archive. No password hash, and no set-password link, leaves the installation: an imported local
 * account has no usable password, and its owner sets a new one on a link (see {@link PasswordLinks}). An imported
 * account must pass what {@link AccountService} checks when an administrator makes one: roles a tenant's account may
 * hold (never the platform's) in a combination one person may hold (a blinded assessor holds no other role), a valid
 * name and email, and a username nobody here has.
 */
@Component
class AccountArchiveRules implements ArchiveRules {

    /** What sign-in trusts: the installation's own, never carried to another. */
    private static final Set<String> CREDENTIALS = Set.of("passwordHash", "passwordLinkHash", "passwordLinkExpiresAt");

    private final MongoConverter converter;
    private final SignInAccounts signInAccounts;

    AccountArchiveRules(MongoConverter converter, SignInAccounts signInAccounts) {
        this.converter = converter;
        this.signInAccounts = signInAccounts;
    }

    @Override
    public String collection() {
        return "accounts";
    }

    @Override
    public Document exported(Document stored) {
        var exported = new Document(stored);
        exported.keySet().removeAll(CREDENTIALS);
        return exported;
    }

    @Override
    public Optional<String> refusal(String tenantId, List<Document> documents) {
        Set<String> usernames = new HashSet<>();
        for (Document document : documents) {
            Account account;
            try {
                account = converter.read(Account.class, document);
            } catch (RuntimeException unreadable) {
                return Optional.of("tenant.archive.invalid");
            }
            Map<String, String> refused = AccountService.validateProfile(account.getDisplayName(),
                    account.getEmail(), account.getRoles());
            if (refused.containsKey("roles")) {
                return Optional.of("tenant.archive.roles");
            }
            if (!refused.isEmpty() || account.getUsername() == null
                    || !account.getUsername().matches(Account.USERNAME_PATTERN)) {
                return Optional.of("tenant.archive.invalid");
            }
            if (!usernames.add(account.getUsername())
                    || signInAccounts.findByUsername(account.getUsername()).isPresent()) {
                return Optional.of("tenant.archive.username-taken");
            }
        }
        return Optional.empty();
    }

    /** Only what an account stores, without credentials: a field the archive adds (a forged "createdBy") stays out. */
    @Override
    public Document imported(Document archived, String importedBy, Instant at) {
        Set<String> stored = new HashSet<>(Set.of("_id", "_class"));
        converter.getMappingContext().getRequiredPersistentEntity(Account.class)
                .forEach((MongoPersistentProperty property) -> stored.add(property.getFieldName()));
        stored.removeAll(CREDENTIALS);
        var imported = new Document(archived);
        imported.keySet().retainAll(stored);
        return imported;
    }
}
