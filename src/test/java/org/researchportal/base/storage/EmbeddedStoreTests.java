package org.researchportal.base.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.researchportal.base.BaseProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

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

    @EnableConfigurationProperties(BaseProperties.class)
    static class Settings {}

    private ApplicationContextRunner portal() {
        // The client is Boot's in the portal; here one that never connects, for the health indicator.
        return new ApplicationContextRunner()
                .withUserConfiguration(Settings.class, EmbeddedMongoConfiguration.class)
                .withBean(MongoClient.class, () -> MongoClients.create("mongodb://127.0.0.1:1"))
                .withPropertyValues("portal.storage.embedded.data-dir=" + dataDir);
    }

    @Test
    void theFileStoreIsOpenedWithTheConfiguredCacheAndClosedAtShutdown() {
        MVStore[] store = new MVStore[1];
        portal().withPropertyValues("portal.storage.embedded.cache-mb=48").run(context -> {
            assertThat(context).hasNotFailed();
            store[0] = ((H2Backend) EmbeddedStoreBenchmark.backendOf(context.getBean(MongoServer.class)))
                    .getMvStore();
            // MVStore.getCacheSize answers in MB, as the setting is written.
            assertThat(store[0].getCacheSize()).isEqualTo(48);
        });
        assertThat(store[0].isClosed()).isTrue();
    }

    @Test
    void theDefaultCacheIsLargerThanH2sOwn() {
        portal().run(context -> assertThat(((H2Backend) EmbeddedStoreBenchmark.backendOf(context.getBean(
                MongoServer.class))).getMvStore().getCacheSize()).isEqualTo(256));
    }

    @Test
    void aCacheSizeTheStoreCannotUseStopsStartUpWithTheSettingsName() {
        portal().withPropertyValues("portal.storage.embedded.cache-mb=0").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("portal.storage.embedded.cacheMb")
                .hasStackTraceContaining("must be at least 1 (MB)"));
        portal().withPropertyValues("portal.storage.embedded.cache-mb=lots").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("portal.storage.embedded.cache-mb"));
    }
}
