package org.researchportal.identity;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.Tenant;

/** The one way to make the signed-in person from an account: its tenant, the roles granted, language and zone. */
final class PortalUsers {

    private PortalUsers() {
    }

    static PortalUser of(Account account, @Nullable Tenant tenant, Set<PortalRole> roles) {
        ZoneId zone = tenant == null ? ZoneOffset.UTC : ZoneId.of(tenant.timeZone());
        var locale = PortalLocales.fromTag(account.getLanguage());
        return new PortalUser(account.requireId(), account.getUsername(), account.getDisplayName(),
                account.getTenantId(), tenant == null ? null : tenant.name(locale), roles, locale, zone);
    }
}
