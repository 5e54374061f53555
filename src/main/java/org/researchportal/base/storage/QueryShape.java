package org.researchportal.base.storage;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a query fixes, field by field, as the embedded store's indexes can use it: equality ({@code f: v},
 * {@code f: {$eq: v}}, {@code f: {$in: [...]}}) and ranges ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte} on a
 * number, string, date or object id), at the top level or inside a top-level {@code $and}. Everything else
 * ({@code $or}, {@code $ne}, sub-document or array values, regexes) constrains nothing here; the collection applies the
 * whole query to each candidate anyway, so a range here may be wider than the query's, never narrower.
 */
record QueryShape(Map<String, Set<Object>> equalities, Map<String, Range> ranges) {

    /** From {@code low} to {@code high}, both included; either may be a {@link KeyOrder.Edge} of the values' kind. */
    record Range(Object low, Object high) {

        int kind() {
            return KeyOrder.kind(low);
        }
    }

    static QueryShape of(Document query) {
        Map<String, Set<Object>> equalities = new HashMap<>();
        Map<String, Range> ranges = new HashMap<>();
        collect(query, equalities, ranges);
        return new QueryShape(equalities, ranges);
    }

    private static void collect(Document query, Map<String, Set<Object>> into, Map<String, Range> ranges) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        collect(document, into, ranges);
                    }
                }
            } else if (!field.startsWith("$")) {
                Set<Object> values = valuesOf(value);
                // several constraints on one field: each alone is a superset, keep the narrower
                if (values != null && (!into.containsKey(field) || into.get(field).size() > values.size())) {
                    into.put(field, values);
                }
                Range range = rangeOf(value);
                if (range != null) {
                    // not the overlap: in an array, one element may satisfy one part of an $and and another the other
                    ranges.putIfAbsent(field, range);
                }
            }
        }
    }

    private static Set<Object> valuesOf(Object value) {
        if (IndexEntries.keyable(value)) {
            return single(value);
        }
        if (value instanceof Document operators && !operators.isEmpty()
                && operators.keySet().stream().allMatch(k -> k.startsWith("$"))) {
            Set<Object> narrowest = null;
            if (operators.containsKey("$eq") && IndexEntries.keyable(operators.get("$eq"))) {
                narrowest = single(operators.get("$eq"));
            }
            if (operators.get("$in") instanceof List<?> list && list.stream().allMatch(IndexEntries::keyable)
                    && (narrowest == null || list.size() < narrowest.size())) {
                Set<Object> in = new LinkedHashSet<>();
                list.forEach(v -> in.add(IndexEntries.normalize(v)));
                narrowest = in;
            }
            return narrowest;
        }
        return null;
    }

    private static final Set<String> LOWER = Set.of("$gt", "$gte");
    private static final Set<String> UPPER = Set.of("$lt", "$lte");

    private static Range rangeOf(Object value) {
        if (!(value instanceof Document operators)) {
            return null;
        }
        Range range = null;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            boolean lower = LOWER.contains(operator.getKey());
            if (lower || UPPER.contains(operator.getKey())) {
                Range side = side(operator.getValue(), lower);
                if (side != null) {
                    range = range == null ? side : narrower(range, side);
                }
            }
        }
        return range;
    }

    /**
     * One side of a range, widened where the matcher's own comparison is not exact: it compares a fractional bound
     * with a large whole number by the bound's whole part, and NaN with such a number as zero.
     */
    private static Range side(Object bound, boolean lower) {
        if (!(bound instanceof Number || bound instanceof String || bound instanceof Instant
                || bound instanceof ObjectId)) {
            return null;
        }
        int kind = KeyOrder.kind(IndexEntries.normalize(bound));
        KeyOrder.Edge start = new KeyOrder.Edge(kind, false);
        KeyOrder.Edge end = new KeyOrder.Edge(kind, true);
        if (bound instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Utils.normalizeNumber(number) instanceof Long) {
                return new Range(start, end);
            }
            // + 0.0: -0.0 is stored as 0.0
            return lower ? new Range(Math.floor(d) + 0.0, end) : new Range(start, Math.ceil(d) + 0.0);
        }
        Object normalized = IndexEntries.normalize(bound);
        return lower ? new Range(normalized, end) : new Range(start, normalized);
    }

    /**
     * Both sides of one operator document hold for one value (the matcher applies them to each array element in
     * turn): their overlap when they are of one kind, else either one.
     */
    private static Range narrower(Range a, Range b) {
        if (a.kind() != b.kind()) {
            return a;
        }
        Object low = KeyOrder.INSTANCE.compare(a.low(), b.low()) >= 0 ? a.low() : b.low();
        Object high = KeyOrder.INSTANCE.compare(a.high(), b.high()) <= 0 ? a.high() : b.high();
        return new Range(low, high);
    }

    private static Set<Object> single(Object value) {
        Set<Object> one = new LinkedHashSet<>();
        one.add(IndexEntries.normalize(value));
        return one;
    }
}
