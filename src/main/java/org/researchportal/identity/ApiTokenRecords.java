package org.researchportal.identity;

import java.time.Instant;
import java.util.List;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The reads and writes of the API tokens of the tenant in scope. Finding a token by its secret at sign-in, before
 * any tenant is known, is {@link SignInAccounts}'.
 */
@Component
class ApiTokenRecords {

    private final TenantDocuments documents;

    ApiTokenRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    ApiToken add(ApiToken token) {
        return documents.insert(token);
    }

    boolean existsWithSecret(String secretHash) {
        return documents.exists(Query.query(Criteria.where("secretHash").is(secretHash)), ApiToken.class);
    }

    /** An account's tokens, newest first. */
    List<ApiToken> tokensOf(String accountId) {
        return documents.find(Query.query(Criteria.where("accountId").is(accountId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")), ApiToken.class);
    }

    /** Revokes an account's token unless it was already; answers whether it did. */
    boolean revoke(String tokenId, String accountId, Instant at) {
        return documents.updateFirst(Query.query(Criteria.where("_id").is(tokenId).and("accountId").is(accountId)
                .and("revokedAt").isNull()), new Update().set("revokedAt", at).inc("version", 1),
                ApiToken.class) > 0;
    }
}
