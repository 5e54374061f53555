package org.researchportal.tenancy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The reads and writes of the tenants themselves. They are the platform's documents, above any one tenant, so they
 * are kept with {@link MongoOperations} directly rather than through {@link TenantDocuments}.
 */
@Component
class TenantRecords {

    private final MongoOperations mongo;

    TenantRecords(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Every tenant by name: a platform has tens of tenants, not thousands, so one sorted read is right. */
    List<Tenant> tenantsByName() {
        return mongo.find(new Query().with(Sort.by("name")), Tenant.class);
    }

    Optional<Tenant> tenant(String code) {
        return Optional.ofNullable(mongo.findById(code, Tenant.class));
    }

    boolean exists(String code) {
        return mongo.exists(Query.query(Criteria.where("_id").is(code)), Tenant.class);
    }

    /** Stores a new tenant; a code already taken answers {@link org.springframework.dao.DuplicateKeyException}. */
    void add(Tenant tenant) {
        mongo.insert(tenant);
    }

    void replace(Tenant tenant) {
        mongo.save(tenant);
    }
}
