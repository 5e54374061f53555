package org.researchportal.tenancy;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Answers sign-in's one question about a tenant: is it active, and what is it called. Deliberately not role-checked,
 * since it runs while a person is being signed in, before they hold any role; it tells nothing but the name.
 */
@Component
public class TenantDirectory {

    private final MongoOperations mongo;

    TenantDirectory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<Tenant> activeTenant(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, Tenant.class)).filter(Tenant::active);
    }
}
