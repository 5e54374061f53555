package org.researchportal.base.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The key values a {@link PrefixIndex} holds for a document: walked as the server's matcher walks it (an array at the
 * end stands for each element, an array on the way for each sub-document in it), normalised so that numbers that
 * compare equal share one key.
 */
final class IndexEntries {

    private IndexEntries() {
    }

    /** Every combination of this document's key values on these paths, or null when it cannot be keyed. */
    static List<List<Object>> of(Document document, List<List<String>> paths, int maxEntries) {
        try {
            List<List<Object>> entries = new ArrayList<>();
            entries.add(List.of());
            for (List<String> path : paths) {
                Set<Object> values = new LinkedHashSet<>();
                if (!collect(document, path, 0, values)) {
                    return null;
                }
                if (entries.size() * (long) values.size() > maxEntries) {
                    return null;
                }
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> entry : entries) {
                    for (Object value : values) {
                        List<Object> longer = new ArrayList<>(entry);
                        longer.add(value);
                        next.add(longer);
                    }
                }
                entries = next;
            }
            return entries;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Collects the normalised values a query on {@code path} can match, as the server's matcher walks a document: an
     * array at the end stands for each element, an array on the way for each sub-document in it. False when the
     * document cannot be keyed here.
     */
    private static boolean collect(Object value, List<String> path, int depth, Set<Object> into) {
        if (depth == path.size()) {
            if (value instanceof List<?> list) {
                if (list.isEmpty()) {
                    return false;
                }
                for (Object element : list) {
                    if (element instanceof List<?> || !keyable(element)) {
                        return false;
                    }
                    into.add(normalize(element));
                }
                return true;
            }
            if (!keyable(value)) {
                return false;
            }
            into.add(normalize(value));
            return true;
        }
        if (value instanceof Document document) {
            return collect(document.getOrMissing(path.get(depth)), path, depth + 1, into);
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return false;
            }
            for (Object element : list) {
                if (element instanceof List<?>) {
                    return false;
                }
                if (!collect(element instanceof Document ? element : Missing.getInstance(), path, depth, into)) {
                    return false;
                }
            }
            return true;
        }
        // a scalar or nothing on the way: the path is missing here
        into.add(null);
        return true;
    }

    /** The values this index keys: equality on them is the normalised {@code equals} the matcher uses. */
    static boolean keyable(Object value) {
        return value == null || value instanceof Missing || value instanceof Number || value instanceof String
                || value instanceof Boolean || value instanceof Instant || value instanceof ObjectId
                || value instanceof UUID;
    }

    static Object normalize(Object value) {
        if (value == null || value instanceof Missing) {
            return null;
        }
        return new KeyValue(value).normalized().get(0);
    }
}
