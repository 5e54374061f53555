package org.researchportal.base.storage;

import de.bwaldvogel.mongo.bson.Document;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a query fixes by equality, field by field, as the embedded store's indexes can use it: {@code f: v},
 * {@code f: {$eq: v}} and {@code f: {$in: [...]}} at the top level or inside a top-level {@code $and}. Everything else
 * ({@code $or}, ranges, {@code $ne}, sub-document or array values, regexes) constrains nothing here; the collection
 * applies the whole query to each candidate anyway.
 */
record QueryShape(Map<String, Set<Object>> equalities) {

    static QueryShape of(Document query) {
        Map<String, Set<Object>> equalities = new HashMap<>();
        collect(query, equalities);
        return new QueryShape(equalities);
    }

    private static void collect(Document query, Map<String, Set<Object>> into) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        collect(document, into);
                    }
                }
            } else if (!field.startsWith("$")) {
                Set<Object> values = valuesOf(value);
                // several constraints on one field: each alone is a superset, keep the narrower
                if (values != null && (!into.containsKey(field) || into.get(field).size() > values.size())) {
                    into.put(field, values);
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

    private static Set<Object> single(Object value) {
        Set<Object> one = new LinkedHashSet<>();
        one.add(IndexEntries.normalize(value));
        return one;
    }
}
