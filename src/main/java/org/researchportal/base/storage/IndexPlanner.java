package org.researchportal.base.storage;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Chooses the index for a query in the embedded store. */
final class IndexPlanner {

    private IndexPlanner() {
    }

    /**
     * The candidate positions for a query, or null to let the library decide (when its own exact path, a unique index
     * with every key fixed and nothing else, answers; or when no index helps). First a unique index (or {@code _id})
     * whose every key the query fixes; else the secondary index that serves it best: the longest equality prefix, then
     * a range on the next key (ties: fewer keys, then the first declared). In the collection's scan order, so that
     * unsorted answers, sort ties and findAndModify pick the same documents as a scan would.
     */
    static <P> List<P> positions(List<Index<P>> indexes, Document query, Comparator<? super P> scanOrder) {
        QueryShape shape;
        PrefixIndex<P> best = null;
        int bestScore = 0;
        for (Index<P> index : indexes) {
            if (index.canHandle(query)) {
                return null; // the library's own exact path: a unique index with every key fixed, and nothing else
            }
        }
        shape = QueryShape.of(query);
        for (Index<P> index : indexes) {
            Document point = index.isUnique() ? everyKeyFixed(index, shape) : null;
            if (point != null && index.canHandle(point)) {
                // e.g. {_id: x, tenantId: t}: at most one document per value, whatever else the query asks
                List<P> ordered = new ArrayList<>();
                index.getPositions(point).forEach(ordered::add);
                ordered.sort(scanOrder);
                return ordered;
            }
        }
        for (Index<P> index : indexes) {
            PrefixIndex<P> prefixIndex = switch (index) {
                case PrefixIndex<P> secondary -> secondary;
                case UniquePrefixIndex<P> unique -> unique.prefix();
                default -> null;
            };
            if (prefixIndex == null) {
                continue;
            }
            int score = prefixIndex.score(shape);
            if (score > bestScore || (score == bestScore && score > 0 && prefixIndex.keyCount() < best
                    .keyCount())) {
                best = prefixIndex;
                bestScore = score;
            }
        }
        if (best == null) {
            return null;
        }
        Set<P> found = best.positionsFor(shape);
        List<P> ordered = new ArrayList<>(found);
        ordered.sort(scanOrder);
        return ordered;
    }

    /** The query's values for every key of this unique index, as the index asks for them; null unless all are fixed. */
    private static Document everyKeyFixed(Index<?> index, QueryShape shape) {
        Document point = new Document();
        for (IndexKey key : index.getKeys()) {
            Set<Object> values = shape.equalities().get(key.getKey());
            if (values == null || values.isEmpty() || values.contains(null)) {
                return null;
            }
            if (values.size() == 1) {
                point.put(key.getKey(), values.iterator().next());
            } else if (index.getKeys().size() == 1) {
                point.put(key.getKey(), new Document("$in", new ArrayList<>(values)));
            } else {
                return null;
            }
        }
        return point;
    }
}
