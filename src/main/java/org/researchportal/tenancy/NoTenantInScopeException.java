package org.researchportal.tenancy;

/** Tenant-owned data was touched with no tenant in scope: a programming error, refused loudly. */
class NoTenantInScopeException extends IllegalStateException {

    NoTenantInScopeException() {
        super("No tenant in scope: tenant-owned data is read and written only on behalf of a signed-in person of a"
                + " tenant or a SystemActor run in one");
    }
}
