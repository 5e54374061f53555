package org.researchportal.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.base.security.SealedValues;
import org.researchportal.tenancy.TenantArchived;
import org.researchportal.tenancy.TenantChanged;
import org.researchportal.tenancy.TenantCreated;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.beans.BeanUtils;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The portal's one audit mechanism. Services call {@link #record} after every change to clinical or administrative
 * data, with the record as it was and as it is; the entry lands in the current tenant's trail.
 */
@Service
public class AuditTrail {

    private static final String TENANT_ENTITY = "Tenant";
    private static final String PARTICIPANT_ENTITY = "Participant";
    private final AuditRecords records;
    private final MongoConverter converter;
    private final Clock clock;
    private final SealedValues sealed;

    AuditTrail(AuditRecords records, MongoConverter converter, Clock clock, SealedValues sealed) {
        this.records = records;
        this.converter = converter;
        this.clock = clock;
        this.sealed = sealed;
    }

    /**
     * Appends an entry for the signed-in person (or system actor). An entry about a participant's data lands in
     * their trail: the participant's own record, or a snapshot that names a {@code participantId} (a partial
     * snapshot names it on both sides).
     *
     * @param before the record before the change, {@code null} when it was created
     * @param after the record after the change, {@code null} when it was removed
     */
    public void record(String action, String entityType, String entityId, @Nullable Object before,
            @Nullable Object after, @Nullable String reason) {
        PortalUser actor = CurrentUser.require();
        Map<String, Object> was = snapshot(before);
        Map<String, Object> is = snapshot(after);
        records.append(new AuditEvent(clock.instant(), actor.username(), actor.displayName(), action, entityType,
                entityId, was, is, reason, participantOf(entityType, entityId, was, is)));
    }

    /**
     * Every change to one participant's data, newest first: their own record and whatever names them (adverse
     * events, assessments, calls, sessions), so the trail shows the whole of their data's history.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public List<AuditEvent> participantHistory(String participantId) {
        return records.aboutParticipant(participantId, PARTICIPANT_ENTITY);
    }

    /** The participant a change is about: the record itself, or the participant its snapshot names. */
    private static @Nullable String participantOf(String entityType, String entityId,
            @Nullable Map<String, Object> before, @Nullable Map<String, Object> after) {
        if (PARTICIPANT_ENTITY.equals(entityType)) {
            return entityId;
        }
        for (Map<String, Object> snapshot : java.util.Arrays.asList(after, before)) {
            if (snapshot != null && snapshot.get("participantId") instanceof String id) {
                return id;
            }
        }
        return null;
    }

    /** The history of one record, newest first. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public List<AuditEvent> history(String entityType, String entityId) {
        return records.aboutRecord(entityType, entityId);
    }

    /**
     * Appends an entry for a platform administrator's act on one tenant (creating, editing or suspending it, appointing
     * its first administrator). The act goes into that tenant's own trail rather than a separate platform trail: the
     * tenant's administrators see what was done to their institution where they see everything else, and the entry
     * travels with the tenant's archive. Platform administrators have no tenant of their own, so the tenant is named;
     * only a platform administrator may name one ({@link TenantDocuments#insertInto}).
     */
    @Secured(Authorities.PLATFORM_ADMIN)
    public void recordPlatformAct(String tenantId, String action, String entityType, String entityId,
            @Nullable Object before, @Nullable Object after) {
        records.appendTo(tenantId, new AuditEvent(clock.instant(), CurrentUser.require().username(),
                CurrentUser.require().displayName(), action, entityType, entityId, snapshot(before), snapshot(after),
                null, null));
    }

    @EventListener
    void on(TenantCreated event) {
        records.appendTo(event.tenantId(), new AuditEvent(event.at(), event.createdBy(), null,
                "tenant.created", TENANT_ENTITY, event.tenantId(), null, Map.of("name", event.name()), null, null));
    }

    @EventListener
    void on(TenantChanged event) {
        records.appendTo(event.tenantId(), new AuditEvent(event.at(), event.by(), null, event.action(),
                TENANT_ENTITY, event.tenantId(), snapshot(event.before()), snapshot(event.after()), null, null));
    }

    /**
     * A tenant exported (by its own administrator, in their tenant) or imported whole (by a platform administrator,
     * who names it), in that tenant's own trail, with what the archive held and the SHA-256 of the archive file.
     */
    @EventListener
    void on(TenantArchived event) {
        var details = new java.util.LinkedHashMap<String, Object>(event.counts());
        details.put("archiveSha256", event.archiveSha256());
        if (event.origin() != null) {
            details.putAll(event.origin());
        }
        var entry = new AuditEvent(event.at(), event.by(), null, event.action(), TENANT_ENTITY,
                event.tenantId(), null, snapshot(details), null, null);
        boolean ownTenant = CurrentUser.get().map(u -> event.tenantId().equals(u.tenantId())).orElse(false);
        if (ownTenant) {
            records.append(entry);
        } else {
            records.appendTo(event.tenantId(), entry);
        }
    }

    /**
     * The record as plain BSON values, personal data opened: the snapshot is sealed whole when stored (see
     * {@link AuditEvent}), and the people who may read the trail read it as the record was.
     */
    private @Nullable Map<String, Object> snapshot(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        Document document = new Document();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> document.put(String.valueOf(k), converter.convertToMongoType(v)));
        } else if (converter.getMappingContext().getPersistentEntity(value.getClass()) == null
                || BeanUtils.isSimpleValueType(value.getClass())) {
            // A plain value (a text, a number, a date) recorded as it is.
            document.put("value", converter.convertToMongoType(value));
        } else {
            converter.write(value, document);
            document.remove("_class");
        }
        return opened(document);
    }

    private Document opened(Document document) {
        document.replaceAll((k, v) -> opened(v));
        return document;
    }

    private @Nullable Object opened(@Nullable Object value) {
        if (value instanceof String text) {
            return sealed.openIfSealed(text);
        }
        if (value instanceof Document nested) {
            return opened(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::opened).toList();
        }
        return value;
    }
}
