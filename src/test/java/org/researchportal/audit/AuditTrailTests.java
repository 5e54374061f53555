package org.researchportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.access.AccessDeniedException;

/**
 * The audit trail itself: an entry names who did what, when and why, with the record before and after; it lands in
 * the actor's own tenant and a participant's trail gathers whatever names them; what it holds is sealed at rest; only
 * the roles that read trails read them, and nothing is recorded for nobody.
 */
class AuditTrailTests extends PortalTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    TenantService tenants;
    @Autowired
    MongoOperations mongo;

    private String freshTenant() {
        String id = "a" + UUID.randomUUID().toString().substring(0, 8);
        SystemActor.runAs("test", null, Set.of(PortalRole.PLATFORM_ADMIN),
                () -> tenants.create(id, "Audit test " + id, "Asia/Shanghai"));
        return id;
    }

    @Test
    void anEntryNamesWhoWhatAndWhyAndLandsInTheParticipantsTrailNewestFirst() {
        String tenant = freshTenant();
        String participant = "p-" + UUID.randomUUID();
        SystemActor.runAs("check-in", tenant, EnumSet.of(PortalRole.COORDINATOR), () -> {
            audit.record("participant.screened", "Participant", participant, null, Map.of("status", "SCREENED"),
                    null);
            // A record of another kind that names the participant belongs to their trail too.
            audit.record("adverse-event.reported", "AdverseEvent", "ae-1", null,
                    Map.of("participantId", participant, "description", "Sore knee"), null);
            audit.record("participant.status-changed", "Participant", participant, Map.of("status", "SCREENED"),
                    Map.of("status", "ELIGIBLE"), "Judged eligible at the visit");
        });

        List<AuditEvent> trail = SystemActor.callAs("test-clinician", tenant, EnumSet.of(PortalRole.CLINICIAN),
                () -> audit.participantHistory(participant));
        assertThat(trail).extracting(AuditEvent::getAction).containsExactly("participant.status-changed",
                "adverse-event.reported", "participant.screened");
        AuditEvent change = trail.getFirst();
        assertThat(change.getActor()).isEqualTo(SystemActor.USERNAME_PREFIX + "check-in");
        assertThat(change.getBefore()).containsEntry("status", "SCREENED");
        assertThat(change.getAfter()).containsEntry("status", "ELIGIBLE");
        assertThat(change.getReason()).isEqualTo("Judged eligible at the visit");
        assertThat(change.getAt()).isNotNull();
        assertThat(trail.get(1).getParticipantId()).isEqualTo(participant);

        // Another tenant's clinician asking for the same id sees nothing of it.
        String other = freshTenant();
        assertThat(SystemActor.callAs("test-clinician", other, EnumSet.of(PortalRole.CLINICIAN),
                () -> audit.participantHistory(participant))).isEmpty();
    }

    @Test
    void whatAnEntryHoldsIsSealedAtRest() {
        String tenant = freshTenant();
        String entity = "rec-" + UUID.randomUUID();
        SystemActor.runAs("test", tenant, EnumSet.of(PortalRole.CLINICIAN), () -> audit.record("participant.corrected",
                "Participant", entity, Map.of("displayName", "Ottilie Sealworthy"),
                Map.of("displayName", "Ottilie Sealworth"), "Spelling"));

        Document raw = mongo.getCollection("audit_events").find(new Document("entityId", entity)).first();
        assertThat(raw).isNotNull();
        assertThat(raw.getString("tenantId")).isEqualTo(tenant);
        assertThat(raw.toJson()).doesNotContain("Ottilie", "Sealworth");
        assertThat(SystemActor.callAs("test", tenant, EnumSet.of(PortalRole.CLINICIAN),
                () -> audit.history("Participant", entity))).singleElement().satisfies(e -> assertThat(e.getAfter())
                        .containsEntry("displayName", "Ottilie Sealworth"));
    }

    @Test
    void onlyTheRolesThatReadTrailsReadThemAndNobodyRecordsAnonymously() {
        String tenant = freshTenant();
        for (PortalRole role : List.of(PortalRole.THERAPIST, PortalRole.COORDINATOR, PortalRole.ASSESSOR,
                PortalRole.PARTICIPANT)) {
            assertThatThrownBy(() -> SystemActor.callAs("test", tenant, EnumSet.of(role),
                    () -> audit.participantHistory("anyone"))).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> SystemActor.runAs("test", tenant, EnumSet.of(PortalRole.TENANT_ADMIN),
                () -> audit.recordPlatformAct(tenant, "tenant.edited", "Tenant", tenant, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.record("participant.screened", "Participant", "x", null, null, null))
                .as("no one signed in").isInstanceOf(RuntimeException.class);
    }
}
