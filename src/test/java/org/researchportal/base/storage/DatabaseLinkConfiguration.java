package org.researchportal.base.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Tests reach the embedded database through a {@link DatabaseLink} they can cut, {@link DatabaseWrites} counts
 * what they send that could write, and {@link DatabaseReads} shows what a read asks for. A short server selection time-out
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
    @Primary
    MongoConnectionDetails linkedMongoConnectionDetails(DatabaseLink link,
            @Value("${portal.storage.database:research-portal}") String database) {
        ConnectionString connection = new ConnectionString("mongodb://127.0.0.1:" + link.port() + "/" + database
                + "?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000");
        return () -> connection;
    }
}
