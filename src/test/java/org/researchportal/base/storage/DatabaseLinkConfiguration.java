package org.researchportal.base.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import org.researchportal.base.storage.coverage.SentQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Tests reach the embedded database through a {@link DatabaseLink} they can cut, {@link DatabaseWrites} counts
 * what they send that could write, {@link DatabaseReads} shows what a read asks for, and {@link SentQueries} records
 * the shape of every query for the index coverage check. A short server selection time-out
 * makes an outage show within seconds rather than the driver's thirty. Imported by PortalTest and deliberately not a
 * {@code @Configuration}, so that a portal started from the test class path (ScaleOutTests) does not scan it.
 */
public class DatabaseLinkConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseLink databaseLink(MongoServer embeddedMongoServer) throws IOException {
        return new DatabaseLink(embeddedMongoServer.getLocalAddress());
    }

    @Bean
    DatabaseWrites databaseWrites() {
        return new DatabaseWrites();
    }

    @Bean
    DatabaseReads databaseReads() {
        return new DatabaseReads();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countDatabaseWrites(DatabaseWrites writes, DatabaseReads reads) {
        return settings -> settings.addCommandListener(writes).addCommandListener(reads);
    }

    @Bean
    MongoClientSettingsBuilderCustomizer recordQueryPatterns() {
        return settings -> settings.addCommandListener(new SentQueries());
    }

    /**
     * Through the link, unless a benchmark asks for the database as production reaches it
     * ({@code portal.test.database-link=false}): the link's relay adds two socket hops to every round trip.
     */
    @Bean
    @Primary
    MongoConnectionDetails linkedMongoConnectionDetails(DatabaseLink link, MongoServer embeddedMongoServer,
            @Value("${portal.storage.database:research-portal}") String database,
            @Value("${portal.test.database-link:true}") boolean linked) {
        int port = linked ? link.port() : embeddedMongoServer.getLocalAddress().getPort();
        ConnectionString connection = new ConnectionString("mongodb://127.0.0.1:" + port + "/" + database
                + "?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000");
        return () -> connection;
    }
}
