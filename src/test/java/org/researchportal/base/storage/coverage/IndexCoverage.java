package org.researchportal.base.storage.coverage;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.storage.coverage.QueryPattern.SortKey;

/**
 * Judges a query pattern against a collection's indexes by MongoDB's own rule for compound indexes, ESR (Equality,
 * Sort, Range):
 * <ul>
 * <li><b>Covered</b> when an index's leading keys are exactly the pattern's equality fields (in any order among
 * themselves), then its sort keys in order (all in the index's directions or all reversed), then one of its range
 * fields (a range on the first sort key is bounded there already). Trailing index keys do not matter, nor do fields the
 * pattern only filters on ($ne, $nin, $exists, ...): no index narrows those. A unique index (the {@code _id} index
 * among them) whose every key the pattern fixes by equality covers whatever else the pattern asks, since it reads at
 * most one document.</li>
 * <li><b>Partial</b> when no index covers it but one's leading keys are some of its equality fields (then maybe a range
 * key), including a field other than {@code tenantId}: MongoDB narrows by that prefix, then reads the documents to
 * filter the rest or sorts them in memory. Acceptable only where the prefix leaves few documents, so only when listed
 * with that reason.</li>
 * <li><b>Uncovered</b> otherwise, including when the only usable prefix is {@code tenantId} (the whole tenant read) and
 * when the pattern has no condition and no sort (the whole collection read).</li>
 * </ul>
 * Sparse indexes count only when the pattern constrains their first key; indexes with a partial filter never count
 * (the pattern does not say whether a query implies the filter).
 */
public final class IndexCoverage {

    public static final String TENANT_FIELD = "tenantId";

    /** An index as declared: its keys in order and the options that decide whether a query may use it. */
    public record Index(String name, List<SortKey> keys, boolean unique, boolean sparse, boolean partialFilter) {

        public Set<String> fields() {
            return keys.stream().map(SortKey::field).collect(Collectors.toSet());
        }

        public String describe() {
            return name + " {" + keys.stream().map(SortKey::toString).collect(Collectors.joining(", ")) + "}"
                    + (unique ? " unique" : "") + (sparse ? " sparse" : "") + (partialFilter ? " partial" : "");
        }
    }

    public enum Verdict {
        COVERED, PARTIAL, UNCOVERED
    }

    /** The verdict, the index it rests on (the best one for a partial use) and why, in words. */
    public record Judgement(Verdict verdict, @Nullable Index index, String why) {}

    private IndexCoverage() {
    }

    public static Judgement judge(QueryPattern pattern, List<Index> indexes) {
        Index bestPartial = null;
        int bestPrefix = 0;
        for (Index index : indexes) {
            if (index.partialFilter() || (index.sparse() && !constrains(pattern, index.keys().getFirst().field()))) {
                continue;
            }
            if (index.unique() && pattern.equality().containsAll(index.fields())) {
                return new Judgement(Verdict.COVERED, index, "point lookup: every key of a unique index fixed");
            }
            if (!pattern.scansEverything() && followsEsr(pattern, index.keys())) {
                return new Judgement(Verdict.COVERED, index, "equality, sort, range in the index's order");
            }
            int prefix = usablePrefix(pattern, index.keys());
            if (prefix > bestPrefix && selective(index.keys().subList(0, prefix))) {
                bestPartial = index;
                bestPrefix = prefix;
            }
        }
        if (bestPartial != null) {
            return new Judgement(Verdict.PARTIAL, bestPartial, "narrowed by " + bestPartial.keys()
                    .subList(0, bestPrefix).stream().map(SortKey::field).collect(Collectors.joining(", "))
                    + ", the rest filtered" + (pattern.sort().isEmpty() ? "" : " and sorted") + " in memory");
        }
        return new Judgement(Verdict.UNCOVERED, null, pattern.scansEverything() ? "reads the whole collection"
                : pattern.equality().contains(TENANT_FIELD) ? "reads the whole tenant" : "reads the whole collection");
    }

    private static boolean followsEsr(QueryPattern pattern, List<SortKey> keys) {
        Set<String> equality = pattern.equality();
        List<SortKey> sort = pattern.sort();
        if (keys.size() < equality.size() + sort.size()) {
            return false;
        }
        for (int i = 0; i < equality.size(); i++) {
            if (!equality.contains(keys.get(i).field())) {
                return false; // fields are distinct in an index, so |E| keys all in E are exactly E
            }
        }
        int at = equality.size();
        if (!sort.isEmpty()) {
            int sign = keys.get(at).direction() * sort.getFirst().direction();
            for (int j = 0; j < sort.size(); j++) {
                SortKey key = keys.get(at + j);
                if (!key.field().equals(sort.get(j).field()) || key.direction() * sort.get(j).direction() != sign) {
                    return false;
                }
            }
            at += sort.size();
        }
        Set<String> range = new java.util.TreeSet<>(pattern.range());
        if (!sort.isEmpty()) {
            range.remove(sort.getFirst().field());
        }
        return range.isEmpty() || (at < keys.size() && range.contains(keys.get(at).field()));
    }

    /** How many leading keys MongoDB can bound: equality fields, then perhaps one range field. */
    private static int usablePrefix(QueryPattern pattern, List<SortKey> keys) {
        int at = 0;
        while (at < keys.size() && pattern.equality().contains(keys.get(at).field())) {
            at++;
        }
        if (at < keys.size() && pattern.range().contains(keys.get(at).field())) {
            at++;
        }
        return at;
    }

    private static boolean selective(List<SortKey> prefix) {
        return prefix.stream().anyMatch(key -> !key.field().equals(TENANT_FIELD));
    }

    private static boolean constrains(QueryPattern pattern, String field) {
        return pattern.equality().contains(field) || pattern.range().contains(field);
    }
}
