package org.researchportal.tenancy;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Indexes the portal once declared and has since replaced under other names (issue 19 put them in the order their
 * queries need: equality, sort, range). Dropped at start-up where they still exist, so that an installation made before
 * keeps no index that only costs writes (and, in the embedded store, heap). Only names the portal itself gave. Here
 * in tenancy, the module that talks to the database.
 */
@Component
class RetiredIndexes {

    private static final Logger log = LoggerFactory.getLogger(RetiredIndexes.class);

    /** Collection → index names no longer declared. Add a name here whenever a declared index is renamed. */
    static final Map<String, List<String>> RETIRED = Map.ofEntries(
            Map.entry("accounts", List.of("tenant_roles")),
            Map.entry("api_tokens", List.of("tenant_account")),
            Map.entry("exercise_pictures", List.of("tenant_study_exercise")),
            Map.entry("exercise_videos", List.of("tenant_study_exercise")),
            Map.entry("session_logs", List.of("tenant_participant_date")),
            Map.entry("participants", List.of("tenant_study_status", "tenant_therapist")),
            Map.entry("audit_events", List.of("tenant_entity_at", "tenant_participant_at")),
            Map.entry("assessments", List.of("tenant_study")),
            Map.entry("adverse_events", List.of("tenant_participant", "tenant_study_serious_open")),
            Map.entry("adverse_event_drafts", List.of("tenant_study_state", "tenant_participant")),
            Map.entry("participant_links", List.of("tenant_participant")),
            Map.entry("outbox_messages", List.of("tenant_status_due", "tenant_recipient_lookup")),
            Map.entry("followup_calls", List.of("tenant_study_due")),
            Map.entry("call_escalations", List.of("tenant_study_open")));

    private final MongoOperations mongo;

    RetiredIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    void dropRetired() {
        RETIRED.forEach((collection, names) -> {
            if (!mongo.collectionExists(collection)) {
                return;
            }
            MongoCollection<Document> documents = mongo.getCollection(collection);
            List<String> present = new ArrayList<>();
            documents.listIndexes().forEach(index -> present.add(index.getString("name")));
            for (String name : names) {
                if (present.contains(name)) {
                    documents.dropIndex(name);
                    log.info("Dropped the retired index {}.{}", collection, name);
                }
            }
        });
    }
}
