package org.researchportal.base.storage;

import de.bwaldvogel.mongo.backend.Index;
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
     * The candidate positions from the secondary index that serves the query best: the longest equality prefix, then a
     * range on the next key (ties: fewer keys, then the first declared), or null to let the library decide: when one of its own indexes (the unique ones,
     * {@code _id}) can answer exactly, or when no index helps. In the collection's scan order, so that unsorted answers,
     * sort ties and findAndModify pick the same documents as a scan would.
     */
    static <P> List<P> positions(List<Index<P>> indexes, Document query, Comparator<? super P> scanOrder) {
        QueryShape shape = null;
        PrefixIndex<P> best = null;
        int bestScore = 0;
        for (Index<P> index : indexes) {
            if (!(index instanceof PrefixIndex<P> prefixIndex)) {
                if (index.canHandle(query)) {
                    return null;
                }
                continue;
            }
            if (shape == null) {
                shape = QueryShape.of(query);
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
}
