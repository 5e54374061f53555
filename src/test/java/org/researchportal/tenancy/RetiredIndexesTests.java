package org.researchportal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/** An installation made before the indexes were renamed loses the old ones at start-up, and only those. */
class RetiredIndexesTests extends PortalTest {

    @Autowired
    RetiredIndexes retired;
    @Autowired
    MongoOperations mongo;
    @Autowired
    MongoMappingContext mapping;

    @Test
    void anIndexOfAnEarlierVersionIsDroppedAndTheDeclaredOnesStay() {
        var sessions = mongo.getCollection("session_logs");
        sessions.createIndex(new Document("tenantId", 1).append("participantId", 1).append("date", 1),
                new com.mongodb.client.model.IndexOptions().name("tenant_participant_date"));
        Set<String> before = names("session_logs");
        assertThat(before).contains("tenant_participant_date");

        retired.dropRetired();

        Set<String> after = names("session_logs");
        assertThat(after).doesNotContain("tenant_participant_date");
        before.remove("tenant_participant_date");
        assertThat(after).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void noRetiredNameIsDeclaredToday() {
        Map<String, Set<String>> declared = new HashMap<>();
        IndexResolver resolver = IndexResolver.create(mapping);
        for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
            if (entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)) {
                for (IndexDefinition definition : resolver.resolveIndexFor(entity.getTypeInformation())) {
                    declared.computeIfAbsent(entity.getCollection(), c -> new HashSet<>())
                            .add(definition.getIndexOptions().getString("name"));
                }
            }
        }
        assertThat(declared).as("the portal's documents, as Spring Data reads them").containsKey("session_logs");
        RetiredIndexes.RETIRED.forEach((collection, names) -> assertThat(declared).as(collection).containsKey(
                collection));
        RetiredIndexes.RETIRED.forEach((collection, names) -> assertThat(declared.get(collection)).as(collection)
                .doesNotContainAnyElementsOf(names));
    }

    private Set<String> names(String collection) {
        List<String> names = new ArrayList<>();
        mongo.getCollection(collection).listIndexes().forEach(index -> names.add(index.getString("name")));
        return new HashSet<>(names);
    }
}
