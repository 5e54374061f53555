package org.researchportal.base.storage.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The shape of one query as an index sees it, values left out: the fields it fixes by equality ({@code f: v},
 * {@code $eq}, {@code $in}, {@code $all}), the fields it bounds by a range ({@code $gt}, {@code $gte}, {@code $lt},
 * {@code $lte}, a regex anchored at the start), the keys it sorts on, and the fields it only filters on in a way no
 * index narrows ({@code $ne}, {@code $nin}, {@code $exists}, {@code $not}, {@code $elemMatch}, other regexes, ...). Each
 * branch of an {@code $or} is a pattern of its own, as MongoDB plans each branch on its own.
 */
public record QueryPattern(String collection, SortedSet<String> equality, List<SortKey> sort, SortedSet<String> range,
        SortedSet<String> other) {

    /** One key of a sort or of an index: a field and its direction (1 ascending, -1 descending). */
    public record SortKey(String field, int direction) {

        @Override
        public String toString() {
            return field + ":" + direction;
        }
    }

    public QueryPattern {
        equality = new TreeSet<>(equality);
        range = new TreeSet<>(range);
        range.removeAll(equality);
        other = new TreeSet<>(other);
        other.removeAll(equality);
        other.removeAll(range);
        // sorting on a field fixed by equality orders nothing
        List<SortKey> kept = new ArrayList<>();
        for (SortKey key : sort) {
            if (!equality.contains(key.field())) {
                kept.add(key);
            }
        }
        sort = List.copyOf(kept);
    }

    public static QueryPattern of(String collection, Collection<String> equality, List<SortKey> sort,
            Collection<String> range, Collection<String> other) {
        return new QueryPattern(collection, new TreeSet<>(equality), sort, new TreeSet<>(range),
                new TreeSet<>(other));
    }

    /** No condition and no sort: the whole collection is read. */
    public boolean scansEverything() {
        return equality.isEmpty() && sort.isEmpty() && range.isEmpty();
    }

    /**
     * The pattern as the report and the allow-list write it, e.g. {@code eq(participantId,tenantId) sort(date:-1)
     * range(dueAt) other(status)}; {@code (everything)} for a query with no condition at all.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!equality.isEmpty()) {
            parts.add("eq(" + String.join(",", equality) + ")");
        }
        if (!sort.isEmpty()) {
            parts.add("sort(" + String.join(",", sort.stream().map(SortKey::toString).toList()) + ")");
        }
        if (!range.isEmpty()) {
            parts.add("range(" + String.join(",", range) + ")");
        }
        if (!other.isEmpty()) {
            parts.add("other(" + String.join(",", other) + ")");
        }
        return parts.isEmpty() ? "(everything)" : String.join(" ", parts);
    }

    @Override
    public String toString() {
        return collection + " " + describe();
    }
}
