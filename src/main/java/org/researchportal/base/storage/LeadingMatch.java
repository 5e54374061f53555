package org.researchportal.base.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lets an aggregation read through the indexes: mongo-java-server feeds every pipeline the whole collection and filters
 * it with the {@code $match} stages (so the driver's {@code countDocuments}, an aggregation, scanned). The database
 * notes the pipeline's leading {@code $match} stages here while it runs the command; the collection's first read of
 * everything takes them and reads only the documents they match. The stages still run, so nothing else changes.
 */
final class LeadingMatch {

    /** Stages that read other documents as the pipeline runs: such a pipeline reads everything, as before. */
    private static final Set<String> READING_STAGES = Set.of("$lookup", "$graphLookup", "$unionWith", "$facet",
            "$changeStream", "$out", "$merge");

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    private record Pending(String namespace, Document query) {}

    private LeadingMatch() {
    }

    /** Runs the command, offering an aggregation's leading matches to the collection's first read of everything. */
    static Document during(String command, Document query, String databaseName, Supplier<Document> run) {
        Document match = "aggregate".equals(command) ? leadingMatch(query) : null;
        if (match == null || !(query.get(command) instanceof String collection)) {
            return run.get();
        }
        PENDING.set(new Pending(databaseName + "." + collection, match));
        try {
            return run.get();
        } finally {
            PENDING.remove();
        }
    }

    /**
     * A collection's read of everything: during an aggregation with leading matches, only the documents they match
     * (through the indexes, once); otherwise everything, as the library reads it.
     */
    static Stream<Document> firstRead(MongoCollection<?> collection, Supplier<Stream<Document>> everything) {
        Pending pending = PENDING.get();
        if (pending == null || !pending.namespace().equals(collection.getFullName())) {
            return everything.get();
        }
        PENDING.remove();
        // as {$query: ...}, so that a field named "query" is not taken for the wrapper
        Document match = new Document("$query", pending.query());
        return StreamSupport.stream(collection.handleQuery(new QueryParameters(match, 0, 0)).spliterator(), false);
    }

    private static Document leadingMatch(Document command) {
        if (!(command.get("pipeline") instanceof List<?> pipeline)) {
            return null;
        }
        List<Object> matches = new ArrayList<>();
        boolean leading = true;
        for (Object stage : pipeline) {
            if (!(stage instanceof Document document) || document.size() != 1) {
                return null;
            }
            String name = document.keySet().iterator().next();
            if (READING_STAGES.contains(name)) {
                return null;
            }
            if (leading && name.equals("$match") && document.get(name) instanceof Document match) {
                matches.add(match);
            } else {
                leading = false;
            }
        }
        return matches.isEmpty() ? null : new Document("$and", matches);
    }
}
