package org.researchportal.tenancy;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The platform administrator's work on tenants. */
@Service
public class TenantService {

    private final TenantRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FirstAdministrators firstAdministrators;

    TenantService(TenantRecords records, ApplicationEventPublisher events, Clock clock,
            FirstAdministrators firstAdministrators) {
        this.records = records;
        this.events = events;
        this.clock = clock;
        this.firstAdministrators = firstAdministrators;
    }

    @Secured(Authorities.PLATFORM_ADMIN)
    public List<Tenant> tenants() {
        return records.tenantsByName();
    }

    @Secured(Authorities.PLATFORM_ADMIN)
    public Tenant create(String code, String name, String timeZone) {
        Map<String, String> errors = check(code, name, timeZone);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return insert(code.trim(), name.trim(), timeZone);
    }

    /**
     * Creates a tenant with its first administrator, who sets their own password on the link answered (local
     * sign-in), or signs in through the identity provider where their account is kept. Everything is checked before
     * anything is written.
     */
    @Secured(Authorities.PLATFORM_ADMIN)
    public NewTenant createWithAdministrator(String code, String name, String timeZone,
            FirstAdministrator administrator) {
        Map<String, String> errors = check(code, name, timeZone);
        if (!errors.containsKey("code") && records.exists(code.trim())) {
            errors.put("code", "tenant.code.taken");
        }
        firstAdministrators.check(administrator).forEach((field, key) -> errors.put("admin." + field, key));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Tenant tenant = insert(code.trim(), name.trim(), timeZone);
        return new NewTenant(tenant, firstAdministrators.appoint(tenant.id(), administrator).orElse(null));
    }

    /**
     * A new set-password link for the tenant's first administrator, while they have not set a password: the way on
     * when the first link was lost or ran out. Empty when nobody of the tenant waits for one.
     */
    @Secured(Authorities.PLATFORM_ADMIN)
    public Optional<FirstAdministrators.FirstAdministratorLink> renewAdministratorLink(String tenantId) {
        return firstAdministrators.renewLink(existing(tenantId).id());
    }

    /** Renames a tenant or moves it to another time zone. */
    @Secured(Authorities.PLATFORM_ADMIN)
    public Tenant update(String tenantId, String name, String timeZone) {
        Tenant before = existing(tenantId);
        Map<String, String> errors = check(before.id(), name, timeZone);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return change(before, "tenant.edited", new Tenant(before.id(), name.trim(), timeZone, before.active(),
                before.createdAt(), before.createdBy(), before.nameZh()));
    }

    /**
     * Suspends a tenant (its people can no longer sign in, its links stop working and its scheduled work stops; its
     * data stay) or reactivates it.
     */
    @Secured(Authorities.PLATFORM_ADMIN)
    public Tenant setActive(String tenantId, boolean active) {
        Tenant before = existing(tenantId);
        if (before.active() == active) {
            return before;
        }
        return change(before, active ? "tenant.reactivated" : "tenant.suspended", new Tenant(before.id(),
                before.name(), before.timeZone(), active, before.createdAt(), before.createdBy(), before.nameZh()));
    }

    private Tenant existing(String tenantId) {
        return records.tenant(tenantId).orElseThrow(() -> new NotFoundException("Tenant", tenantId));
    }

    private Tenant change(Tenant before, String action, Tenant after) {
        records.replace(after);
        events.publishEvent(new TenantChanged(after.id(), action, before, after, CurrentUser.require().username(),
                clock.instant()));
        return after;
    }

    static Map<String, String> check(String code, String name, String timeZone) {
        String trimmedCode = code.trim();
        String trimmedName = name.trim();
        Map<String, String> errors = new HashMap<>();
        if (!trimmedCode.matches(Tenant.CODE_PATTERN)) {
            errors.put("code", "tenant.code.invalid");
        }
        if (trimmedName.isEmpty() || trimmedName.length() > Tenant.NAME_MAX_LENGTH) {
            errors.put("name", "tenant.name.invalid");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            errors.put("timeZone", "tenant.timezone.invalid");
        }
        return errors;
    }

    private Tenant insert(String code, String name, String timeZone) {
        String by = CurrentUser.require().username();
        Tenant tenant = new Tenant(code, name, timeZone, true, clock.instant(), by);
        try {
            records.add(tenant);
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("code", "tenant.code.taken");
        }
        events.publishEvent(new TenantCreated(tenant.id(), tenant.name(), by, tenant.createdAt()));
        return tenant;
    }

    /** Gives a tenant its name in Chinese, shown to Chinese readers (blank: none, the name stands in). */
    @Secured(Authorities.PLATFORM_ADMIN)
    public void nameInChinese(String code, @Nullable String nameZh) {
        String trimmed = nameZh == null || nameZh.isBlank() ? null : nameZh.trim();
        if (trimmed != null && trimmed.length() > Tenant.NAME_MAX_LENGTH) {
            throw ValidationException.of("nameZh", "tenant.name.invalid");
        }
        Tenant before = existing(code);
        if (java.util.Objects.equals(before.nameZh(), trimmed)) {
            return;
        }
        change(before, "tenant.edited", new Tenant(before.id(), before.name(), before.timeZone(), before.active(),
                before.createdAt(), before.createdBy(), trimmed));
    }
}
