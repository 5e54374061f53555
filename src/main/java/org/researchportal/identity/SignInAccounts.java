package org.researchportal.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The one place that reads accounts across tenants, because sign-in has to find a person by username (or an API token
 * by its hash) before it knows their tenant. It answers only sign-in's questions (find by username or token, count
 * failures, mirror an OpenID Connect token) and platform administrators' own accounts, which have no tenant.
 * Everything else goes through {@link org.researchportal.tenancy.TenantDocuments}.
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

    /** The failures counted under a key ({@link SignInThrottle}). */
    Optional<SignInAttempts> attempts(String key) {
        return Optional.ofNullable(mongo.findById(key, SignInAttempts.class));
    }

    /**
     * Moves a key's count from what was read to the next value, only if nobody moved it since (the caller reads again
     * and retries otherwise): parallel attempts each get their own count. A key not yet stored is expected at 0.
     */
    boolean moveAttempts(String key, int readFailures, int failures, @Nullable Instant waitUntil, Instant now) {
        if (readFailures == 0 && !mongo.exists(Query.query(Criteria.where("_id").is(key)), SignInAttempts.class)) {
            try {
                mongo.insert(new SignInAttempts(key, failures, waitUntil, now));
                return true;
            } catch (DuplicateKeyException alsoFirst) {
                return false;
            }
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("failures").is(readFailures)),
                new Update().set("failures", failures).set("waitUntil", waitUntil).set("lastAt", now),
                SignInAttempts.class).getModifiedCount() > 0;
    }

    /** Counts one more under a key if it stays within the limit, atomically; answers whether it did. */
    boolean countWithin(String key, int limit, Instant now) {
        try {
            return mongo.findAndModify(Query.query(Criteria.where("_id").is(key).and("failures").lt(limit)),
                    new Update().inc("failures", 1).set("lastAt", now),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), SignInAttempts.class) != null;
        } catch (DuplicateKeyException full) {
            // Stored, but at the limit: the upsert tried to add a second document under the key.
            return false;
        }
    }

    /** Gives back one counted attempt (it turned out to be no failure). */
    void uncount(String key) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("failures").gt(0)),
                new Update().inc("failures", -1), SignInAttempts.class);
    }

    void forgetAttempts(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), SignInAttempts.class);
    }

    /** Drops counts nobody has added to for a day (the embedded store does not expire documents by itself). */
    void forgetAttemptsBefore(Instant before) {
        mongo.remove(Query.query(Criteria.where("lastAt").lt(before)), SignInAttempts.class);
    }

    /** The account's last sign-in; the old account-wide lock, from before sign-in counted per place, is lifted. */
    void recordSuccess(String username, Instant now) {
        mongo.updateFirst(byUsername(username), new Update().set("failedSignIns", 0).unset("lockedUntil")
                .set("lastSignInAt", now).inc("version", 1), Account.class);
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
     * Mirrors a person signed in through OpenID Connect: the token decides roles, name and email; the portal keeps its
     * own language and active flag. The account is looked up by username within the token's tenant and by the
     * identity provider's subject (an older account without one is bound to it now), so it never moves between tenants
     * or people: a username taken in another tenant, or by another subject, fails on the unique index before anything
     * is written, and the sign-in is refused. Answers the stored account, or empty when the username is not theirs.
     */
    Optional<Account> mirrorTokenAccount(String username, String subject, @Nullable String tenantId,
            String displayName, @Nullable String email, Set<PortalRole> roles, String defaultLanguage, Instant now) {
        Query mine = Query.query(Criteria.where("username").is(username).and("tenantId").is(tenantId)
                .and("subject").in(subject, null));
        Update update = new Update().set("displayName", displayName).set("email", email).set("roles", roles)
                .set("lastSignInAt", now).set("subject", subject).setOnInsert("language", defaultLanguage)
                .setOnInsert("active", true).setOnInsert("failedSignIns", 0).setOnInsert("createdAt", now)
                .inc("version", 1);
        try {
            return Optional.ofNullable(mongo.findAndModify(mine, update,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Account.class));
        } catch (DuplicateKeyException elsewhere) {
            return Optional.empty();
        }
    }

    /** The account whose unexpired, unused set-password link has this hash (the link comes before any sign-in). */
    Optional<Account> findByPasswordLink(String tokenHash, Instant now) {
        return Optional.ofNullable(mongo.findOne(openLink(tokenHash, now), Account.class));
    }

    /**
     * Sets the password through a set-password link and uses the link up, in one atomic update, so a link works once
     * even when opened twice at the same moment. A lock from failed sign-ins is lifted: the person proved the link.
     */
    Optional<Account> usePasswordLink(String tokenHash, String passwordHash, Instant now) {
        return Optional.ofNullable(mongo.findAndModify(openLink(tokenHash, now), new Update()
                .set("passwordHash", passwordHash).unset("passwordLinkHash").unset("passwordLinkExpiresAt")
                .set("failedSignIns", 0).unset("lockedUntil").inc("version", 1),
                FindAndModifyOptions.options().returnNew(true), Account.class));
    }

    /** Whether any platform administrator account exists (an empty installation has none). */
    boolean platformAdministratorExists() {
        return mongo.exists(Query.query(Criteria.where("tenantId").isNull().and("roles")
                .is(PortalRole.PLATFORM_ADMIN)), Account.class);
    }

    /**
     * A new set-password link for a platform administrator who never set a password (the bootstrap link expired or
     * was lost before use): answers whether there was such an account.
     */
    boolean renewUnsetPlatformPasswordLink(String username, String tokenHash, Instant expiresAt) {
        return mongo.updateFirst(Query.query(Criteria.where("username").is(username).and("tenantId").isNull()
                .and("roles").is(PortalRole.PLATFORM_ADMIN).and("passwordHash").isNull()), new Update()
                        .set("passwordLinkHash", tokenHash).set("passwordLinkExpiresAt", expiresAt).inc("version", 1),
                Account.class).getModifiedCount() > 0;
    }

    /**
     * A new set-password link for a tenant's administrator who never set a password (the first administrator whose
     * link was lost or ran out), named by a platform administrator: answers the account, if there was one.
     */
    Optional<Account> renewUnsetAdministratorPasswordLink(String tenantId, String tokenHash, Instant expiresAt) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("tenantId").is(tenantId)
                .and("roles").is(PortalRole.TENANT_ADMIN).and("passwordHash").isNull().and("active").is(true)),
                new Update().set("passwordLinkHash", tokenHash).set("passwordLinkExpiresAt", expiresAt)
                        .inc("version", 1), FindAndModifyOptions.options().returnNew(true), Account.class));
    }

    private static Query openLink(String tokenHash, Instant now) {
        return Query.query(Criteria.where("passwordLinkHash").is(tokenHash).and("passwordLinkExpiresAt").gt(now));
    }

    /** Whether a username is taken in this tenant (by whatever identity). */
    boolean usernameTakenIn(String username, @Nullable String tenantId) {
        return mongo.exists(Query.query(Criteria.where("username").is(username).and("tenantId").is(tenantId)),
                Account.class);
    }

    /** The stored account behind a signed-in person, to notice deactivation or changed roles during a session. */
    Optional<Account> findById(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, Account.class));
    }

    /** What a session's account stands as now: read on every request of a signed-in person, so only three fields. */
    record Standing(boolean active, @Nullable String tenantId, Set<PortalRole> roles) {}

    Optional<Standing> standing(String accountId) {
        // A projection on the account's own mapping: the id is matched as stored, only these fields are read.
        return mongo.query(Account.class).as(Standing.class).matching(Query.query(Criteria.where("_id")
                .is(accountId))).one();
    }

    Optional<ApiToken> findToken(String secretHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("secretHash").is(secretHash)),
                ApiToken.class));
    }

    void tokenUsed(String tokenId, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(tokenId)), Update.update("lastUsedAt", now),
                ApiToken.class);
    }

    private static Query byUsername(String username) {
        return Query.query(Criteria.where("username").is(username));
    }
}
