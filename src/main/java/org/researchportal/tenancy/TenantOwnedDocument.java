package org.researchportal.tenancy;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * A document that belongs to one tenant. Only {@link TenantDocuments} stamps the tenant (the setter is package
 * private), and it reads and writes such documents only within the signed-in person's tenant.
 */
public abstract class TenantOwnedDocument {

    @Id
    private @Nullable String id;

    @Indexed
    private @Nullable String tenantId;

    // Optimistic locking: two people editing one record cannot silently overwrite each other.
    @Version
    private @Nullable Long version;

    public @Nullable String getId() {
        return id;
    }

    /** The id of a stored document; fails for one not yet stored. */
    public String requireId() {
        if (id == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has not been stored yet");
        }
        return id;
    }

    public @Nullable String getTenantId() {
        return tenantId;
    }

    void assignTenant(String tenantId) {
        this.tenantId = tenantId;
    }

    public @Nullable Long getVersion() {
        return version;
    }
}
