package org.researchportal.base.storage;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The store's health on the embedded default. Boot's MongoDB indicator sends {@code hello}, which the wire server does
 * not know, so health answered DOWN while the store was fine (and logged a long stack trace each time). {@code ping}
 * is known to the wire server and to MongoDB alike. A failure is one log line, not a stack trace.
 */
final class WireServerHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(WireServerHealth.class);
    private static final Document PING = new Document("ping", 1);

    private final MongoClient client;
    private final String database;

    WireServerHealth(MongoClient client, String database) {
        this.client = client;
        this.database = database;
    }

    @Override
    public Health health() {
        try {
            client.getDatabase(database).runCommand(PING);
            return Health.up().withDetail("store", "embedded wire server").build();
        } catch (MongoException | IllegalStateException e) {
            log.warn("The embedded store did not answer a health check: {}", e.getMessage());
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
