package org.researchportal.tenancy;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The platform administrator's work on tenants. */
@Service
public class TenantService {

    private final MongoOperations mongo;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenantService(MongoOperations mongo, ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    @Secured(Authorities.PLATFORM_ADMIN)
    public List<Tenant> tenants() {
        // A platform has tens of tenants, not thousands: one sorted read is right here.
        return mongo.find(new Query().with(Sort.by("name")), Tenant.class);
    }

    @Secured(Authorities.PLATFORM_ADMIN)
    public Tenant create(String code, String name, String timeZone) {
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
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String by = CurrentUser.require().username();
        Tenant tenant = new Tenant(trimmedCode, trimmedName, timeZone, true, clock.instant(), by);
        try {
            mongo.insert(tenant);
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
        long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(code)),
                Update.update("nameZh", trimmed), Tenant.class).getMatchedCount();
        if (changed == 0) {
            throw new NotFoundException("Tenant", code);
        }
    }
}
