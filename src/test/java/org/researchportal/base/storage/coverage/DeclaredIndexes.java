package org.researchportal.base.storage.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.researchportal.base.storage.coverage.IndexCoverage.Index;
import org.researchportal.base.storage.coverage.QueryPattern.SortKey;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The indexes each collection has: those the documents declare ({@code @CompoundIndex}, {@code @Indexed}, read from
 * Spring Data's mapping metadata as auto-index-creation reads them), the {@code _id} index every collection has, and
 * those the live database lists, which adds the ones code creates rather than declares (GridFS's).
 */
final class DeclaredIndexes {

    private DeclaredIndexes() {
    }

    static Map<String, List<Index>> of(MongoMappingContext mapping, MongoOperations mongo,
            Collection<String> collections) {
        Map<String, List<Index>> byCollection = new TreeMap<>();
        IndexResolver resolver = IndexResolver.create(mapping);
        for (MongoPersistentEntity<?> entity : mapping.getPersistentEntities()) {
            if (!entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)) {
                continue;
            }
            List<Index> indexes = byCollection.computeIfAbsent(entity.getCollection(), c -> idOnly());
            for (IndexDefinition definition : resolver.resolveIndexFor(entity.getTypeInformation())) {
                add(indexes, index(definition.getIndexKeys(), definition.getIndexOptions()));
            }
        }
        for (String collection : collections) {
            List<Index> indexes = byCollection.computeIfAbsent(collection, c -> idOnly());
            if (mongo.collectionExists(collection)) {
                for (Document listed : mongo.getCollection(collection).listIndexes()) {
                    add(indexes, index(listed.get("key", Document.class), listed));
                }
            }
        }
        return byCollection;
    }

    private static List<Index> idOnly() {
        List<Index> indexes = new ArrayList<>();
        indexes.add(new Index("_id_", List.of(new SortKey("_id", 1)), true, false, false));
        return indexes;
    }

    private static void add(List<Index> indexes, Index index) {
        if (indexes.stream().noneMatch(known -> known.keys().equals(index.keys()))) {
            indexes.add(index);
        }
    }

    private static Index index(Document keys, Document options) {
        List<SortKey> sortKeys = new ArrayList<>();
        keys.forEach((field, direction) -> sortKeys.add(new SortKey(field,
                direction instanceof Number n && n.intValue() < 0 ? -1 : 1)));
        String name = options.getString("name");
        return new Index(name != null ? name : String.valueOf(keys), sortKeys, options.getBoolean("unique", false),
                options.getBoolean("sparse", false), options.containsKey("partialFilterExpression"));
    }
}
