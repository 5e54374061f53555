package org.researchportal.tenancy;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An institution that runs studies on the portal. Platform data, not tenant-owned: only platform administrators list
 * and create tenants. The id is a short code (e.g. {@code fudan}) that OpenID Connect tokens carry in their tenant
 * claim.
 */
@Document("tenants")
public record Tenant(@Id String id, String name, String timeZone, boolean active, Instant createdAt,
        String createdBy, @Nullable String nameZh) {

    public static final int CODE_MAX_LENGTH = 32;
    public static final int NAME_MAX_LENGTH = 120;
    /** Lower-case letters, digits and hyphens, starting with a letter: safe in tokens, logs and URLs. */
    public static final String CODE_PATTERN = "[a-z][a-z0-9-]{1,31}";

    /** The stored form (the Chinese name came later, so older documents have none). */
    @PersistenceCreator
    public Tenant {
    }

    public Tenant(String id, String name, String timeZone, boolean active, Instant createdAt, String createdBy) {
        this(id, name, timeZone, active, createdAt, createdBy, null);
    }

    /** The institution's name in a person's language: its Chinese name for Chinese readers, when it has one. */
    public String name(Locale locale) {
        return locale.getLanguage().equals("zh") && nameZh != null && !nameZh.isBlank() ? nameZh : name;
    }
}
