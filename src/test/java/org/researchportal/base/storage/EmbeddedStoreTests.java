package org.researchportal.base.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data in an H2 file: what was written is there after a restart. */
class EmbeddedStoreTests {

    @TempDir
    Path dataDir;

    private static String uri(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() {
        String file = dataDir.resolve("portal.mv").toString();
        MongoServer first = new MongoServer(new H2Backend(file));
        first.bind(new InetSocketAddress("127.0.0.1", 0));
        try (var client = MongoClients.create(uri(first))) {
            client.getDatabase("research-portal").getCollection("studies")
                    .insertOne(new Document("acronym", "RE-MS").append("tenantId", "fudan"));
        } finally {
            first.shutdown();
        }

        MongoServer second = new MongoServer(new H2Backend(file));
        second.bind(new InetSocketAddress("127.0.0.1", 0));
        try (var client = MongoClients.create(uri(second))) {
            Document study = client.getDatabase("research-portal").getCollection("studies").find().first();
            assertThat(study).isNotNull();
            assertThat(study.getString("acronym")).isEqualTo("RE-MS");
        } finally {
            second.shutdown();
        }
    }
}
