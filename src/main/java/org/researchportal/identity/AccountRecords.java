package org.researchportal.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The reads and writes of the accounts of the tenant in scope. Changes are single targeted updates that move the
 * version on, never a save of the whole account, so an edit cannot undo a sign-in lock that landed in between.
 * Accounts without a tenant (platform administrators) and sign-in's lookups are {@link SignInAccounts}'.
 */
@Component
class AccountRecords {

    private final TenantDocuments documents;

    AccountRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    Account account(String accountId) {
        return documents.getById(accountId, Account.class);
    }

    Account add(Account account) {
        return documents.insert(account);
    }

    /** Stores a new account in a tenant a platform administrator acts on (its first administrator). */
    Account addTo(String tenantId, Account account) {
        return documents.insertInto(tenantId, account);
    }

    /** One page of the tenant's accounts, by username. */
    Slice<Account> accounts(Pageable pageable) {
        return documents.slice(new Query().with(Sort.by("username")), pageable, Account.class);
    }

    long count() {
        return documents.count(new Query(), Account.class);
    }

    /** The accounts named by these usernames or account ids, in one read. */
    List<Account> byUsernameOrId(Collection<String> usernamesOrAccountIds) {
        return documents.find(Query.query(new Criteria().orOperator(Criteria.where("username")
                .in(usernamesOrAccountIds), Criteria.where("_id").in(usernamesOrAccountIds))), Account.class);
    }

    /** The active accounts that hold a role, by username. */
    List<Account> activeWithRole(PortalRole role) {
        return documents.find(Query.query(Criteria.where("roles").is(role).and("active").is(true))
                .with(Sort.by("username")), Account.class);
    }

    boolean activeAndHolds(String accountId, PortalRole role) {
        return documents.exists(Query.query(Criteria.where("_id").is(accountId).and("roles").is(role)
                .and("active").is(true)), Account.class);
    }

    boolean hasPassword(String accountId) {
        return documents.exists(Query.query(Criteria.where("_id").is(accountId).and("passwordHash").ne(null)),
                Account.class);
    }

    /**
     * Stores the set-password link just issued on the account, as long as it still has no password; answers whether
     * it did.
     */
    boolean storePasswordLink(Account account) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(account.requireId()).and("passwordHash")
                .is(null)), new Update().set("passwordLinkHash", account.getPasswordLinkHash())
                        .set("passwordLinkExpiresAt", account.getPasswordLinkExpiresAt()).inc("version", 1),
                Account.class) > 0;
    }

    void changeRoles(String accountId, Set<PortalRole> roles) {
        change(accountId, Update.update("roles", roles));
    }

    void setActive(String accountId, boolean active) {
        change(accountId, Update.update("active", active));
    }

    void changeLanguage(String accountId, String languageTag) {
        change(accountId, Update.update("language", languageTag));
    }

    private void change(String accountId, Update update) {
        documents.updateFirst(Query.query(Criteria.where("_id").is(accountId)), update.inc("version", 1),
                Account.class);
    }
}
