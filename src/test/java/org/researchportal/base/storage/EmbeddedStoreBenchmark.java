package org.researchportal.base.storage;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.researchportal.benchmarks.BenchmarkReport;

/**
 * Issue 19, item 2: what 100,000 session logs cost the embedded default's H2 file store: its file, the heap they hold
 * once read, and a range query's time with H2's default 16 MB page cache and with the portal's. The store is opened
 * the way the portal opens it ({@link EmbeddedMongoConfiguration#openFileStore}). Here, in the store's package, for
 * that method; a benchmark by name, so only the benchmarks profile runs it.
 */
class EmbeddedStoreBenchmark {

    private static final int DOCUMENTS = 100_000;
    private static final int PARTICIPANTS = 1_000;
    private static final int[] CACHES_MB = {16, 32, 64, 128, 256};
    private static final int RUNS = 5;

    @TempDir
    Path dataDir;

    @Test
    void storeFigures() throws Exception {
        Path file = dataDir.resolve("portal.mv");
        long writeStart = System.nanoTime();
        long heapBefore = retainedHeap();
        MongoServer server = server(file, 16);
        try (var client = MongoClients.create(uri(server))) {
            MongoCollection<Document> sessions = client.getDatabase("research-portal").getCollection("sessions");
            Random random = new Random(19);
            Instant start = Instant.parse("2025-01-01T00:00:00Z");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                batch.add(sessionLog(random, start, i));
                if (batch.size() == 1_000) {
                    sessions.insertMany(batch);
                    batch.clear();
                }
            }
        } finally {
            server.shutdown();
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        long fileBytes = Files.size(file);

        StringBuilder rows = new StringBuilder();
        List<String> heaps = new ArrayList<>();
        for (int cacheMb : CACHES_MB) {
            MongoServer reopened = server(file, cacheMb);
            try (var client = MongoClients.create(uri(reopened))) {
                MongoCollection<Document> sessions = client.getDatabase("research-portal").getCollection("sessions");
                // One month of one tenant's sessions: a scan of the whole collection (no secondary index here).
                var month = Filters.and(Filters.eq("tenantId", "fudan"),
                        Filters.gte("date", Instant.parse("2025-03-01T00:00:00Z")),
                        Filters.lt("date", Instant.parse("2025-04-01T00:00:00Z")));
                List<Double> millis = new ArrayList<>();
                int found = 0;
                double first = 0;
                for (int run = 0; run <= RUNS; run++) {
                    long t = System.nanoTime();
                    found = sessions.find(month).into(new ArrayList<>()).size();
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (run == 0) {
                        first = ms;
                    } else {
                        millis.add(ms);
                    }
                }
                MVStore store = ((H2Backend) backendOf(reopened)).getMvStore();
                long heap = retainedHeap() - heapBefore;
                heaps.add("%d MB cache: %d MB".formatted(cacheMb, heap / (1024 * 1024)));
                rows.append("| %d MB | %,.0f ms | %,.0f ms | %d MB | %,d | %d MB |%n".formatted(cacheMb, first,
                        BenchmarkReport.median(millis), store.getCacheSizeUsed(), found,
                        heap / (1024 * 1024)));
            } finally {
                reopened.shutdown();
            }
        }
        String withIndex = withThePortalsIndex(file, heapBefore);
        BenchmarkReport.section("embedded-store", """
                ## Embedded file store: 100,000 session logs

                %,d session logs (%,d participants, ~0.4 KB each as BSON) written in batches of 1,000 into the H2 file \
                store, opened as the portal opens it, in %.1f s; the file: %d MB. Then reopened with each page cache \
                and queried for one tenant's month (a scan: no secondary index), first run and the median of %d more. \
                Cache used as H2 reports it; heap retained after a full collection while the store is open.

                | page cache | first query | median | cache used | documents found | heap held |
                |---|---|---|---|---|---|
                %s

                %s
                """.formatted(DOCUMENTS, PARTICIPANTS, writeSeconds, fileBytes / (1024 * 1024), RUNS,
                rows.toString().strip(), withIndex));
    }

    /**
     * The same file opened as the portal opens it, with its secondary indexes (issue 19) and the session index the
     * portal declares: what the index costs to build, on the heap and at each start (it is rebuilt from the
     * documents), and what a participant's month and the tenant's month cost through it.
     */
    private String withThePortalsIndex(Path file, long heapBefore) throws Exception {
        Document keys = new Document("tenantId", 1).append("participantId", 1).append("date", 1).append("loggedAt", 1);
        var participantMonth = Filters.and(Filters.eq("tenantId", "fudan"), Filters.eq("participantId", "p-00042"),
                new Document("date", new Document("$gte", Instant.parse("2025-03-01T00:00:00Z")).append("$lt",
                        Instant.parse("2025-04-01T00:00:00Z"))));
        var tenantMonth = Filters.and(Filters.eq("tenantId", "fudan"), new Document("date", new Document("$gte",
                Instant.parse("2025-03-01T00:00:00Z")).append("$lt", Instant.parse("2025-04-01T00:00:00Z"))));
        double buildSeconds;
        long heapWithIndex;
        String participantFigures;
        String tenantFigures;
        MongoServer server = indexedServer(file, 256);
        try (var client = MongoClients.create(uri(server))) {
            MongoCollection<Document> sessions = client.getDatabase("research-portal").getCollection("sessions");
            long t = System.nanoTime();
            sessions.createIndex(keys);
            buildSeconds = (System.nanoTime() - t) / 1e9;
            heapWithIndex = retainedHeap() - heapBefore;
            participantFigures = timedQuery(sessions, participantMonth);
            tenantFigures = timedQuery(sessions, tenantMonth);
        } finally {
            server.shutdown();
        }
        long t = System.nanoTime();
        MongoServer reopened = indexedServer(file, 256);
        double reopenSeconds = (System.nanoTime() - t) / 1e9;
        reopened.shutdown();
        return """
                With the portal's secondary indexes (issue 19): the same file opened by the portal's backend with a \
                256 MB cache, and the index the portal declares for sessions, `{tenantId, participantId, date, \
                loggedAt}`, built over the 100,000 documents in %.1f s; the store reopened (the index is rebuilt \
                from the documents at each start) in %.1f s. Heap held with the cache filled and the index built: \
                %d MB (the 256 MB row above, without the index: the difference is the index's).

                | query, through the index | first | median of %d | documents found |
                |---|---|---|---|
                | one participant's month (equality on tenant and participant, a range on the date) | %s |
                | the tenant's month (equality on the tenant only: every fudan session is read and filtered) | %s |
                """.formatted(buildSeconds, reopenSeconds, heapWithIndex / (1024 * 1024), RUNS, participantFigures,
                tenantFigures);
    }

    private static String timedQuery(MongoCollection<Document> sessions, org.bson.conversions.Bson filter) {
        List<Double> millis = new ArrayList<>();
        int found = 0;
        double first = 0;
        for (int run = 0; run <= RUNS; run++) {
            long t = System.nanoTime();
            found = sessions.find(filter).into(new ArrayList<>()).size();
            double ms = (System.nanoTime() - t) / 1e6;
            if (run == 0) {
                first = ms;
            } else {
                millis.add(ms);
            }
        }
        return "%,.1f ms | %,.1f ms | %,d".formatted(first, BenchmarkReport.median(millis), found);
    }

    private static MongoServer indexedServer(Path file, int cacheMb) {
        MongoServer server = new MongoServer(new IndexedH2Backend(EmbeddedMongoConfiguration.openFileStore(file,
                cacheMb)));
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    private static Document sessionLog(Random random, Instant start, int i) {
        Instant date = start.plus(random.nextInt(365), ChronoUnit.DAYS);
        int participant = random.nextInt(PARTICIPANTS);
        return new Document("tenantId", i % 4 == 0 ? "ruijin" : "fudan")
                .append("studyId", "RE-MS")
                .append("participantId", "p-%05d".formatted(participant))
                .append("date", date)
                .append("loggedAt", date.plusSeconds(random.nextInt(86_400)))
                .append("minutes", 10 + random.nextInt(50))
                .append("rpe", 6 + random.nextInt(14))
                .append("painBefore", random.nextInt(11))
                .append("painAfter", random.nextInt(11))
                .append("completed", random.nextInt(10) > 0)
                .append("exercises", List.of(new Document("code", "SQ").append("sets", 3).append("reps", 10),
                        new Document("code", "BR").append("sets", 2).append("reps", 12)))
                .append("note", random.nextInt(3) == 0 ? "Knee a little sore after the squats, stopped early." : "");
    }

    private static MongoServer server(Path file, int cacheMb) {
        MongoServer server = new MongoServer(new H2Backend(EmbeddedMongoConfiguration.openFileStore(file, cacheMb)));
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    private static String uri(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    static Object backendOf(MongoServer server) throws ReflectiveOperationException {
        // MongoServer keeps its backend private; the store's own figures are read from it.
        var field = MongoServer.class.getDeclaredField("backend");
        field.setAccessible(true);
        return field.get(server);
    }

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            ManagementFactory.getMemoryMXBean().gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
