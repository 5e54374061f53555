package org.researchportal.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one place that reads accounts across tenants, because sign-in has to find a person by username before it knows
 * their tenant. It answers only sign-in's questions (find by username, count failures, mirror an OpenID Connect
 * token) and platform administrators' own accounts, which have no tenant. Everything else goes through
 * {@link org.researchportal.tenancy.TenantDocuments}.
 */
@Component
class SignInAccounts {

    private final MongoOperations mongo;

    SignInAccounts(MongoOperations mongo) {
        this.mongo = mongo;
    }

    Optional<Account> findByUsername(String username) {
        return Optional.ofNullable(mongo.findOne(byUsername(username), Account.class));
    }

    /**
     * Counts a failed sign-in atomically (several portal nodes may see failures for one account at once) and locks
     * the account for a while once too many failures come in a row.
     */
    void recordFailure(String username, Instant now) {
        Account counted = mongo.findAndModify(byUsername(username), new Update().inc("failedSignIns", 1),
                FindAndModifyOptions.options().returnNew(true), Account.class);
        if (counted != null && counted.getFailedSignIns() >= Account.MAX_FAILED_SIGN_INS) {
            mongo.updateFirst(byUsername(username), new Update().set("failedSignIns", 0)
                    .set("lockedUntil", now.plus(Duration.ofMinutes(Account.LOCK_MINUTES))), Account.class);
        }
    }

    void recordSuccess(String username, Instant now) {
        mongo.updateFirst(byUsername(username),
                new Update().set("failedSignIns", 0).unset("lockedUntil").set("lastSignInAt", now), Account.class);
    }

    void insertPlatformAccount(Account account) {
        if (account.getTenantId() != null || !account.getRoles().equals(Set.of(PortalRole.PLATFORM_ADMIN))) {
            throw new IllegalArgumentException("Only tenant-less platform administrator accounts are stored here");
        }
        mongo.insert(account);
    }

    void changePlatformAccountLanguage(String accountId, String languageTag) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("tenantId").isNull()),
                Update.update("language", languageTag), Account.class);
    }

    /**
     * Mirrors a person signed in through OpenID Connect: the token decides tenant, roles, name and email; the portal
     * keeps its own language and active flag. Answers the stored account.
     */
    Account mirrorTokenAccount(String username, @Nullable String tenantId, String displayName,
            @Nullable String email, Set<PortalRole> roles, String defaultLanguage, Instant now) {
        Update update = new Update().set("tenantId", tenantId).set("displayName", displayName).set("email", email)
                .set("roles", roles).set("lastSignInAt", now).setOnInsert("language", defaultLanguage)
                .setOnInsert("active", true).setOnInsert("failedSignIns", 0).setOnInsert("createdAt", now)
                .setOnInsert("version", 0L);
        Account account = mongo.findAndModify(byUsername(username), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Account.class);
        if (account == null) {
            throw new IllegalStateException("Upsert of account " + username + " returned nothing");
        }
        return account;
    }

    private static Query byUsername(String username) {
        return Query.query(Criteria.where("username").is(username));
    }
}
