package org.researchportal.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.storage.PersonalDocument;
import org.researchportal.base.storage.PersonalText;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.convert.ValueConverter;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One append-only entry of a tenant's audit trail: who did what to which record, when, with the record before and
 * after, and why. Nothing updates or deletes these documents.
 */
@Document("audit_events")
@CompoundIndex(name = "tenant_entity_at_id",
        def = "{'tenantId': 1, 'entityType': 1, 'entityId': 1, 'at': -1, '_id': -1}")
@CompoundIndex(name = "tenant_at", def = "{'tenantId': 1, 'at': -1}")
@CompoundIndex(name = "tenant_participant_at_id", def = "{'tenantId': 1, 'participantId': 1, 'at': -1, '_id': -1}")
public class AuditEvent extends TenantOwnedDocument {

    private Instant at;
    private String actor;
    /** The actor's name as people know them, when the entry was made (older entries have only the username). */
    @ValueConverter(PersonalText.class)
    private @Nullable String actorName;
    private String action;
    private String entityType;
    private String entityId;
    // Sealed whole: a snapshot holds whatever the record held, names and numbers included.
    @ValueConverter(PersonalDocument.class)
    private @Nullable Map<String, Object> before;
    @ValueConverter(PersonalDocument.class)
    private @Nullable Map<String, Object> after;
    private @Nullable String reason;
    /**
     * The participant the change is about, whatever the record (their adverse events, assessments, calls and
     * sessions as well as their own record), so their trail holds every change to their data.
     */
    private @Nullable String participantId;

    AuditEvent(Instant at, String actor, @Nullable String actorName, String action, String entityType,
            String entityId, @Nullable Map<String, Object> before, @Nullable Map<String, Object> after,
            @Nullable String reason, @Nullable String participantId) {
        this.at = at;
        this.actor = actor;
        this.actorName = actorName;
        this.participantId = participantId;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.before = before;
        this.after = after;
        this.reason = reason;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public @Nullable String getActorName() {
        return actorName;
    }

    public @Nullable String getParticipantId() {
        return participantId;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public @Nullable Map<String, Object> getBefore() {
        return before;
    }

    public @Nullable Map<String, Object> getAfter() {
        return after;
    }

    public @Nullable String getReason() {
        return reason;
    }
}
