package org.researchportal.base.storage;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.researchportal.base.BaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default: when no {@code MONGODB_URI} is configured, a MongoDB wire server (mongo-java-server) runs in
 * this JVM on loopback, on an H2 file store so data survives a restart. The real MongoDB driver and Spring Data talk
 * to it over the wire protocol. It has no transactions, TTL or text search: the code does not rely on them.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoConfiguration.NoMongoUriConfigured.class)
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(BaseProperties settings) {
        String store = settings.storage().embedded().store();
        String dataDir = settings.storage().embedded().dataDir();
        int port = settings.storage().embedded().port();
        MongoBackend backend;
        if ("memory".equals(store)) {
            backend = new IndexedMemoryBackend();
        } else {
            Path dir = Path.of(dataDir).toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the embedded MongoDB data folder " + dir, e);
            }
            int cacheMb = settings.storage().embedded().cacheMb();
            backend = new IndexedH2Backend(openFileStore(dir.resolve("portal.mv"), cacheMb));
            log.info("Embedded MongoDB wire server storing in {} ({} MB page cache)", dir, cacheMb);
        }
        MongoServer server = new MongoServer(backend);
        // Loopback only: nothing outside this machine can reach the embedded store. Port 0 picks a free one.
        server.bind(new InetSocketAddress("127.0.0.1", port));
        return server;
    }

    /**
     * Opened as {@code H2Backend(String)} opens it, but with the page cache sized: its default, 16 MB, is smaller than
     * a collection of 100,000 documents, so every scan re-reads it from the file. The backend closes the store at
     * shutdown.
     */
    static MVStore openFileStore(Path file, int cacheMb) {
        // Builder.cacheSize is in MB (MVStore.setCacheSize, at runtime, takes KB).
        return new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open();
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer, BaseProperties settings) {
        String database = settings.storage().database();
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> connection;
    }

    /** Named as Boot's own MongoDB indicator, which then stands back (it asks for {@code hello}). */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoClient client, BaseProperties settings) {
        return new WireServerHealth(client, settings.storage().database());
    }

    static class NoMongoUriConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("MONGODB_URI"));
        }
    }
}
