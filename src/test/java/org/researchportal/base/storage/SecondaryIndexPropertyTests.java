package org.researchportal.base.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded store's secondary indexes may answer too much but never too little: random documents and random
 * operations go to a server with the indexes and to the stock one (which ignores them), and every answer must be the
 * same, in the same order. The seed is printed; replay a failure with {@code -Dseed=<seed>} (and
 * {@code -Dsteps=<n>} for a longer run).
 */
class SecondaryIndexPropertyTests {

    private static final long SEED = Long.getLong("seed", System.nanoTime());
    private static final int STEPS = Integer.getInteger("steps", 600);
    private static final String[] FIELDS = {"a", "b", "n.x", "arr", "docs.v", "c", "t"};

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();
    private AbstractMongoBackend indexedBackend;
    private MongoCollection<Document> indexed;
    private MongoCollection<Document> stock;
    private Random random;
    private int nextId;
    private int queries;
    private int queriesThroughAnIndex;
    private int rangesThroughAnIndex;

    private void startTwoServers(String store) {
        if (store.equals("memory")) {
            indexedBackend = new IndexedMemoryBackend();
            indexed = collectionOn(indexedBackend);
            stock = collectionOn(new MemoryBackend());
        } else {
            indexedBackend = new IndexedH2Backend(new MVStore.Builder().open());
            indexed = collectionOn(indexedBackend);
            stock = collectionOn(H2Backend.inMemory());
        }
        random = new Random(SEED);
        System.out.println("SecondaryIndexPropertyTests " + store + ": seed " + SEED + " (replay with -Dseed=" + SEED
                + ")");
    }

    @AfterEach
    void stopServers() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    private MongoCollection<Document> collectionOn(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        servers.add(server);
        MongoClient client = MongoClients
                .create("mongodb://" + address.getHostString() + ":" + address.getPort());
        clients.add(client);
        return client.getDatabase("prop").getCollection("things");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void everyAnswerIsTheSameWithAndWithoutTheIndexes(String store) {
        startTwoServers(store);
        both(c -> c.createIndex(new Document("a", 1)));
        both(c -> c.createIndex(new Document("a", 1).append("b", -1)));
        both(c -> c.createIndex(new Document("b", 1).append("n.x", 1).append("c", 1)));
        both(c -> c.createIndex(new Document("docs.v", 1), new IndexOptions().sparse(true)));
        // A compound unique index answers by a prefix of its keys too. Its keys never hold arrays (the library's
        // unique index cannot, and then leaves the collection half-changed) and no update touches them.
        both(c -> c.createIndex(new Document("t", 1).append("u", 1), new IndexOptions().unique(true)));
        for (int i = 0; i < 40; i++) {
            insertRandomDocument();
        }
        // built over a collection that already holds documents
        both(c -> c.createIndex(new Document("arr", 1).append("a", 1)));

        for (int step = 0; step < STEPS; step++) {
            int dice = random.nextInt(100);
            String what = "step " + step + " (seed " + SEED + ")";
            while (step % 25 == 0 && indexed.countDocuments() < 40) { // deletes thin the collection out: top it up
                insertRandomDocument();
            }
            if (dice < 12) {
                insertRandomDocument();
            } else if (dice < 22) {
                Bson filter = randomFilter();
                Bson update = randomUpdate();
                same(what + " updateMany " + filter + " " + update,
                        c -> c.updateMany(filter, update).getModifiedCount());
            } else if (dice < 27) {
                Bson filter = randomFilter();
                int id = nextId++;
                Bson update = Updates.combine(randomUpdate(), Updates.setOnInsert("_id", id));
                same(what + " upsert " + filter, c -> c.updateOne(filter, update, new UpdateOptions().upsert(true))
                        .getModifiedCount());
            } else if (dice < 32) {
                Bson filter = randomFilter();
                Document replacement = randomDocument();
                same(what + " replaceOne " + filter, c -> c.replaceOne(filter, replacement, new ReplaceOptions())
                        .getModifiedCount());
            } else if (dice < 38) {
                Bson filter = randomFilter();
                Bson update = randomUpdate();
                same(what + " findOneAndUpdate " + filter, c -> json(c.findOneAndUpdate(filter, update,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
            } else if (dice < 42) {
                Bson filter = randomFilter();
                same(what + " findOneAndDelete " + filter, c -> json(c.findOneAndDelete(filter)));
            } else if (dice < 44) {
                Bson filter = randomFilter();
                same(what + " deleteMany " + filter, c -> c.deleteMany(filter).getDeletedCount());
            } else {
                Bson filter = randomFilter();
                queries++;
                if (answeredThroughAnIndex(filter)) {
                    queriesThroughAnIndex++;
                    if (toServer(bson(filter)).toString().contains("$gt")
                            || toServer(bson(filter)).toString().contains("$lt")) {
                        rangesThroughAnIndex++;
                    }
                }
                same(what + " find " + filter, c -> jsons(c.find(filter)));
                same(what + " find sorted, limited " + filter,
                        c -> jsons(c.find(filter).sort(Sorts.descending("a")).skip(1).limit(3)));
                same(what + " count " + filter, c -> clientDatabase(c).runCommand(new Document("count", "things")
                        .append("query", filter))
                        .get("n").toString());
                same(what + " countDocuments " + filter, c -> c.countDocuments(filter));
                same(what + " aggregate " + filter, c -> jsons(c.aggregate(List.of(Aggregates.match(filter),
                        Aggregates.group("$b", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id"))))));
                same(what + " distinct " + filter,
                        c -> c.distinct("b", filter, Object.class).into(new ArrayList<>()).toString());
            }
        }
        same("everything at the end", c -> jsons(c.find()));
        System.out.println("SecondaryIndexPropertyTests " + store + ": " + STEPS + " steps, " + queries
                + " random queries, "
                + queriesThroughAnIndex + " answered through a secondary index (" + rangesThroughAnIndex
                + " with a range), "
                + indexed.countDocuments() + " documents at the end");
        assertThat(queriesThroughAnIndex).as("random queries the indexes answered").isGreaterThan(queries / 4);
        assertThat(rangesThroughAnIndex).as("random queries with a range the indexes answered")
                .isGreaterThan(queries / 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void aRangeOnTheKeyAfterTheEqualitiesReadsOnlyItsStretch(String store) {
        startTwoServers(store);
        both(c -> c.createIndex(new Document("tenantId", 1).append("participantId", 1).append("date", 1)));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 300; i++) {
            Document session = new Document("_id", i).append("tenantId", "t" + i % 3).append("participantId", i % 10)
                    .append("date", Date.from(start.plusSeconds(86_400L * i)));
            both(c -> c.insertOne(session));
        }
        // one operator document, as Spring Data's Criteria.where("date").gte(from).lt(to) writes it
        Bson month = Filters.and(Filters.eq("tenantId", "t1"), Filters.eq("participantId", 4),
                new Document("date", new Document("$gte", Date.from(start.plusSeconds(86_400L * 100))).append("$lt",
                        Date.from(start.plusSeconds(86_400L * 200)))));

        assertThat(candidates(month)).as("documents the index offers").hasSize(3);
        assertThat(indexed.find(month).map(d -> d.getInteger("_id")).into(new ArrayList<>()))
                .containsExactly(124, 154, 184);
        same("countDocuments", c -> c.countDocuments(month));
        Bson since = Filters.gte("date", Date.from(start.plusSeconds(86_400L * 290)));
        assertThat(candidates(Filters.and(Filters.eq("tenantId", "t2"), since))).as("no range without its prefix")
                .hasSize(100);
    }

    /** Also a file written before these indexes existed (by the stock backend, which ignored the definition). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theFileStoresIndexesAreRebuiltWhenItReopens(boolean writtenWithIndexes, @TempDir java.nio.file.Path dir) {
        String file = dir.resolve("portal.mv").toString();
        H2Backend first = writtenWithIndexes ? new IndexedH2Backend(file) : new H2Backend(file);
        MongoCollection<Document> before = collectionOn(first);
        before.createIndex(new Document("tenantId", 1).append("participantId", 1));
        before.createIndex(new Document("participantId", 1).append("week", 1), new IndexOptions().unique(true));
        for (int i = 0; i < 30; i++) {
            before.insertOne(new Document("_id", i).append("tenantId", "t" + i % 3).append("participantId", i % 5)
                    .append("week", i));
        }
        servers.getLast().shutdown();

        indexedBackend = new IndexedH2Backend(file);
        MongoCollection<Document> after = collectionOn(indexedBackend);
        Bson filter = Filters.and(Filters.eq("tenantId", "t1"), Filters.in("participantId", 1, 4L));
        indexed = after;
        assertThat(answeredThroughAnIndex(filter)).isTrue();
        assertThat(after.find(filter).map(d -> d.getInteger("_id")).into(new ArrayList<>()))
                .containsExactly(1, 4, 16, 19);
        // the unique index's entries are stored; its prefix is rebuilt from the documents
        Bson byParticipant = Filters.in("participantId", 2, 3);
        assertThat(candidates(byParticipant)).as("documents the unique index's prefix offers").hasSize(12);
        assertThat(after.countDocuments(byParticipant)).isEqualTo(12);
        assertThat(catchThrowable(() -> after.insertOne(new Document("_id", 99).append("participantId", 2)
                .append("week", 2)))).as("the constraint still holds").hasMessageContaining("duplicate key");
    }

    private void insertRandomDocument() {
        int id = nextId++;
        Document document = randomDocument().append("_id", id).append("t", "s" + id % 3).append("u", id);
        both(c -> c.insertOne(Document.parse(document.toJson())));
    }

    private MongoDatabase clientDatabase(MongoCollection<Document> collection) {
        return clients.get(collection == indexed ? 0 : 1).getDatabase("prop");
    }

    private boolean answeredThroughAnIndex(Bson filter) {
        return candidates(filter) != null;
    }

    /** What the indexes offer the collection for this filter, or null when it would read everything. */
    private List<Object> candidates(Bson filter) {
        @SuppressWarnings("unchecked")
        var collection = (AbstractMongoCollection<Object>) indexedBackend.resolveDatabase("prop")
                .resolveCollection("things", true);
        // the server's own view of the query: decode it as the wire server would
        de.bwaldvogel.mongo.bson.Document query = toServer(bson(filter));
        return IndexPlanner.positions(collection.getIndexes(), query, (x, y) -> 0);
    }

    private BsonDocument bson(Bson filter) {
        CodecRegistry codecs = indexed.getCodecRegistry();
        return filter.toBsonDocument(Document.class, codecs);
    }

    private static de.bwaldvogel.mongo.bson.Document toServer(BsonDocument bson) {
        var buffer = io.netty.buffer.Unpooled.buffer();
        var output = new org.bson.io.BasicOutputBuffer();
        new org.bson.codecs.BsonDocumentCodec().encode(new org.bson.BsonBinaryWriter(output), bson,
                org.bson.codecs.EncoderContext.builder().build());
        buffer.writeBytes(output.toByteArray());
        return de.bwaldvogel.mongo.wire.bson.BsonDecoder.decodeBson(buffer);
    }

    private void both(java.util.function.Consumer<MongoCollection<Document>> operation) {
        operation.accept(indexed);
        operation.accept(stock);
    }

    private <T> void same(String what, Function<MongoCollection<Document>, T> operation) {
        Object withIndexes = outcome(indexed, operation);
        Object without = outcome(stock, operation);
        assertThat(withIndexes).as(what).isEqualTo(without);
    }

    private static <T> Object outcome(MongoCollection<Document> collection,
            Function<MongoCollection<Document>, T> operation) {
        try {
            return operation.apply(collection);
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll(
                    "127\\.0\\.0\\.1:\\d+", "the server");
        }
    }

    private static String json(Document document) {
        return document == null ? "null" : document.toJson();
    }

    private static List<String> jsons(Iterable<Document> documents) {
        List<String> all = new ArrayList<>();
        documents.forEach(d -> all.add(d.toJson()));
        return all;
    }

    // ---- random material ----

    private Object randomScalar() {
        return switch (random.nextInt(16)) {
            case 0 -> random.nextInt(4);
            case 1 -> (long) random.nextInt(4);
            case 2 -> (double) random.nextInt(4);
            case 3 -> new Decimal128(BigDecimal.valueOf(random.nextInt(4)));
            case 4 -> random.nextInt(4) + 0.5;
            case 5 -> random.nextBoolean() ? -0.0 : Double.NaN;
            case 6 -> random.nextBoolean() ? (1L << 53) + 1 : (double) (1L << 53);
            case 7 -> Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * random.nextInt(3)));
            case 8, 9 -> "s" + random.nextInt(3);
            case 10 -> random.nextBoolean();
            case 11 -> null;
            default -> random.nextInt(3);
        };
    }

    private Object randomValue() {
        return switch (random.nextInt(10)) {
            case 0 -> List.of();
            case 1 -> randomList(1 + random.nextInt(3));
            case 2 -> List.of(randomList(1));
            case 3 -> new Document("x", randomScalar());
            default -> randomScalar();
        };
    }

    private List<Object> randomList(int size) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(randomScalar());
        }
        return list;
    }

    private Document randomDocument() {
        Document document = new Document();
        for (String field : List.of("a", "b", "c", "arr")) {
            if (random.nextInt(5) > 0) {
                document.append(field, field.equals("arr") ? randomList(random.nextInt(4)) : randomValue());
            }
        }
        switch (random.nextInt(5)) {
            case 0 -> document.append("n", new Document("x", randomValue()));
            case 1 -> document.append("n", List.of(new Document("x", randomScalar()), new Document("x",
                    randomValue())));
            case 2 -> document.append("n", randomScalar());
            default -> { // no n at all
            }
        }
        if (random.nextBoolean()) {
            List<Object> docs = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                docs.add(random.nextInt(4) == 0 ? randomScalar() : new Document("v", randomValue()));
            }
            document.append("docs", docs);
        }
        return document;
    }

    private Bson randomCondition() {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        return switch (random.nextInt(9)) {
            case 0, 1, 2 -> Filters.eq(field, randomScalar());
            case 3 -> new Document(field, new Document("$eq", randomScalar()));
            case 4 -> Filters.in(field, randomList(random.nextInt(4)));
            case 5 -> randomRange(field);
            case 6 -> Filters.ne(field, randomScalar());
            // an upsert writes the filter's value: never an array into the unique index's key t
            case 7 -> Filters.eq(field, field.equals("t") ? randomScalar() : randomValue());
            default -> random.nextBoolean() ? Filters.exists(field, random.nextBoolean()) : randomRange(field);
        };
    }

    private Bson randomRange(String field) {
        return switch (random.nextInt(6)) {
            case 0 -> Filters.gt(field, randomScalar());
            case 1 -> Filters.gte(field, randomScalar());
            case 2 -> Filters.lt(field, randomScalar());
            case 3 -> Filters.lte(field, randomScalar());
            case 4 -> new Document(field, new Document("$gte", randomScalar()).append("$lt", randomScalar()));
            default -> Filters.and(Filters.gt(field, randomScalar()), Filters.lte(field, randomScalar()));
        };
    }

    private Bson randomFilter() {
        int conditions = 1 + random.nextInt(3);
        List<Bson> all = new ArrayList<>();
        for (int i = 0; i < conditions; i++) {
            all.add(randomCondition());
        }
        return switch (random.nextInt(6)) {
            case 0 -> Filters.and(all);
            case 1 -> Filters.or(all);
            case 2 -> Filters.and(randomCondition(), Filters.or(all));
            default -> {
                Document merged = new Document();
                for (Bson condition : all) {
                    merged.putAll(condition.toBsonDocument());
                }
                yield merged;
            }
        };
    }

    private Bson randomUpdate() {
        String field = List.of("a", "b", "c", "arr", "n.x").get(random.nextInt(5));
        return switch (random.nextInt(4)) {
            case 0 -> Updates.unset(field);
            case 1 -> Updates.push("arr", randomScalar());
            default -> Updates.set(field, randomValue());
        };
    }
}
