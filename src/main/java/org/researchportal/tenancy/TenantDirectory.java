package org.researchportal.tenancy;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers sign-in's one question about a tenant: is it active, and what is it called. Deliberately not role-checked,
 * since it runs while a person is being signed in, before they hold any role; it tells nothing but the name.
 */
@Component
public class TenantDirectory {

    private final TenantRecords records;

    TenantDirectory(TenantRecords records) {
        this.records = records;
    }

    public Optional<Tenant> activeTenant(String tenantId) {
        return records.tenant(tenantId).filter(Tenant::active);
    }
}
