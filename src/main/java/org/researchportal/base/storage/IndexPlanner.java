package org.researchportal.base.storage;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/** Chooses the index for a query in the embedded store. */
final class IndexPlanner {

    private IndexPlanner() {
    }

    /**
     * The candidate positions from the secondary index with the longest usable equality prefix (ties: fewer keys,
     * then the first declared), or null to let the library decide: when one of its own indexes (the unique ones,
     * {@code _id}) can answer exactly, or when no index helps.
     */
    static <P> List<P> positions(List<Index<P>> indexes, Document query) {
        QueryShape shape = null;
        PrefixIndex<P> best = null;
        int bestPrefix = 0;
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
            int prefix = prefixIndex.usablePrefix(shape);
            if (prefix > bestPrefix || (prefix == bestPrefix && prefix > 0 && prefixIndex.keyCount() < best
                    .keyCount())) {
                best = prefixIndex;
                bestPrefix = prefix;
            }
        }
        return best == null ? null : best.positionsFor(shape);
    }
}
