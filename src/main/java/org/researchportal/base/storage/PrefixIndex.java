package org.researchportal.base.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A non-unique (secondary) index for the embedded store, which mongo-java-server leaves empty: it answers equality (and
 * {@code $in}) on a leading prefix of its keys, and a range on the key after that prefix. The collection re-filters every candidate against the whole query, so
 * the index may answer too much but must never miss a document: whatever it cannot key (sub-documents, arrays inside
 * arrays, too many combinations) goes to a fallback set returned with every answer. Heap only, rebuilt at start-up.
 */
final class PrefixIndex<P> extends Index<P> {

    /** Past this many key combinations for one document, the document goes to the fallback set. */
    static final int MAX_ENTRIES_PER_DOCUMENT = 1_000;

    /** Past this many points for one query (the product of {@code $in} lists), the index is not used. */
    static final int MAX_POINTS = 10_000;

    private final List<List<String>> paths = new ArrayList<>();
    private final boolean usable;

    /**
     * levels.get(k): the first k key values of an entry → its (k+1)th value, in {@link KeyOrder} → the positions holding
     * that. Equality on the first k+1 keys is one lookup; a range on key k+1 after equality on k is one stretch. A value
     * held by one document keeps its position as itself, several keep a {@link Positions} set: most values of the
     * last keys of a compound index belong to one document, and a set each would double the index's heap.
     */
    private final List<Map<List<Object>, NavigableMap<Object, Object>>> levels = new ArrayList<>();
    /** What was indexed for each document (by its normalised _id), so removal never depends on re-extraction. */
    private final Map<Object, Indexed<P>> byId = new HashMap<>();
    private final Set<P> fallback = new HashSet<>();

    private record Indexed<P>(P position, List<List<Object>> entries) {}

    PrefixIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        boolean numericFragment = false;
        for (IndexKey key : keys) {
            List<String> path = Utils.splitPath(key.getKey());
            numericFragment |= path.stream().anyMatch(f -> !f.isEmpty() && f.chars().allMatch(Character::isDigit));
            paths.add(path);
            levels.add(new HashMap<>());
        }
        // "a.0.b" addresses an array element by position: not modelled, so such an index never plans.
        this.usable = !numericFragment;
    }

    int keyCount() {
        return paths.size();
    }

    List<String> keyNames() {
        return keys();
    }

    // ---- maintenance ----

    @Override
    public P getPosition(Document document) {
        return null; // a secondary index never decides a document's position
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // no constraint to check
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // no constraint to check
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object id = idOf(document);
        if (byId.containsKey(id)) {
            throw new IllegalStateException("Index " + getName() + " already holds a document with _id " + id);
        }
        List<List<Object>> entries = entriesOf(document);
        if (entries == null) {
            fallback.add(position);
        } else {
            for (List<Object> entry : entries) {
                for (int k = 0; k < entry.size(); k++) {
                    addPosition(levels.get(k).computeIfAbsent(new ArrayList<>(entry.subList(0, k)),
                            x -> new TreeMap<>(KeyOrder.INSTANCE)), entry.get(k), position);
                }
            }
        }
        byId.put(id, new Indexed<>(position, entries));
    }

    @Override
    public synchronized P remove(Document document) {
        Object id = idOf(document);
        Indexed<P> indexed = byId.remove(id);
        if (indexed == null) {
            throw new IllegalStateException("Index " + getName() + " holds no document with _id " + id);
        }
        P position = indexed.position();
        if (indexed.entries() == null) {
            fallback.remove(position);
        } else {
            for (List<Object> entry : indexed.entries()) {
                for (int k = 0; k < entry.size(); k++) {
                    Map<List<Object>, NavigableMap<Object, Object>> level = levels.get(k);
                    List<Object> prefix = entry.subList(0, k);
                    NavigableMap<Object, Object> byValue = level.get(prefix);
                    if (byValue != null && removePosition(byValue, entry.get(k), position) && byValue.isEmpty()) {
                        level.remove(prefix);
                    }
                }
            }
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized long getCount() {
        return byId.size();
    }

    @Override
    public long getDataSize() {
        return 0; // heap only, nothing on disk
    }

    @Override
    public synchronized void drop() {
        levels.forEach(Map::clear);
        byId.clear();
        fallback.clear();
    }

    private static Object idOf(Document document) {
        return IndexEntries.normalize(document.getOrMissing("_id"));
    }

    /** Every combination of this document's key values, or null when it cannot be keyed (→ fallback). */
    List<List<Object>> entriesOf(Document document) {
        return IndexEntries.of(document, paths, MAX_ENTRIES_PER_DOCUMENT);
    }

    /** The positions of several documents under one key value. */
    private static final class Positions<P> extends HashSet<P> {}

    private void addPosition(NavigableMap<Object, Object> byValue, Object value, P position) {
        if (!byValue.containsKey(value)) {
            if (position == null) {
                Positions<P> one = new Positions<>();
                one.add(null);
                byValue.put(value, one);
            } else {
                byValue.put(value, position);
            }
            return;
        }
        Object held = byValue.get(value);
        if (held instanceof Positions<?> several) {
            positions(several).add(position);
        } else if (!held.equals(position)) {
            Positions<P> several = new Positions<>();
            several.add(position(held));
            several.add(position);
            byValue.put(value, several);
        }
    }

    /** Removes the position under the value; true when the value then holds none (and is gone). */
    private boolean removePosition(NavigableMap<Object, Object> byValue, Object value, P position) {
        if (!byValue.containsKey(value)) {
            return false;
        }
        Object held = byValue.get(value);
        boolean gone;
        if (held instanceof Positions<?> several) {
            positions(several).remove(position);
            gone = several.isEmpty();
        } else {
            gone = held.equals(position);
        }
        if (gone) {
            byValue.remove(value);
        }
        return gone;
    }

    private void collect(Object held, Set<P> into) {
        if (held instanceof Positions<?> several) {
            into.addAll(positions(several));
        } else {
            into.add(position(held));
        }
    }

    @SuppressWarnings("unchecked")
    private P position(Object held) {
        return (P) held;
    }

    @SuppressWarnings("unchecked")
    private Positions<P> positions(Positions<?> several) {
        return (Positions<P>) several;
    }

    // ---- answering ----

    /** Not offered to the stock planner: the collection picks the index with the longest usable prefix itself. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        Set<P> positions = positionsFor(QueryShape.of(query));
        if (positions == null) {
            throw new IllegalStateException("Index " + getName() + " cannot answer " + query);
        }
        return positions;
    }

    /**
     * How well this index serves a query: twice the number of leading keys it fixes by equality, plus one when the next
     * key has a range (0: of no use).
     */
    int score(QueryShape shape) {
        int k = equalityPrefix(shape);
        return 2 * k + (rangeAfter(shape, k) != null ? 1 : 0);
    }

    private int equalityPrefix(QueryShape shape) {
        if (!usable) {
            return 0;
        }
        int k = 0;
        long points = 1;
        for (String key : keys()) {
            Set<Object> values = shape.equalities().get(key);
            if (values == null || points * values.size() > MAX_POINTS) {
                break;
            }
            points *= values.size();
            k++;
        }
        return k;
    }

    private QueryShape.Range rangeAfter(QueryShape shape, int k) {
        return usable && k < keys().size() ? shape.ranges().get(keys().get(k)) : null;
    }

    /** The candidate positions, each once; null when the index is of no use for this query. */
    synchronized Set<P> positionsFor(QueryShape shape) {
        int k = equalityPrefix(shape);
        QueryShape.Range range = rangeAfter(shape, k);
        if (k == 0 && range == null) {
            return null;
        }
        Set<P> found = new HashSet<>(fallback);
        for (List<Object> point : points(shape, k)) {
            if (range != null) {
                NavigableMap<Object, Object> byValue = levels.get(k).get(point);
                if (byValue != null && KeyOrder.INSTANCE.compare(range.low(), range.high()) <= 0) {
                    byValue.subMap(range.low(), true, range.high(), true).values()
                            .forEach(held -> collect(held, found));
                }
            } else {
                NavigableMap<Object, Object> byValue = levels.get(k - 1).get(point.subList(0, k - 1));
                if (byValue != null && byValue.containsKey(point.get(k - 1))) {
                    collect(byValue.get(point.get(k - 1)), found);
                }
            }
        }
        return found;
    }

    /** Every combination of the query's values for the first k keys. */
    private List<List<Object>> points(QueryShape shape, int k) {
        List<List<Object>> points = new ArrayList<>();
        points.add(List.of());
        for (String key : keys().subList(0, k)) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> point : points) {
                for (Object value : shape.equalities().get(key)) {
                    List<Object> longer = new ArrayList<>(point);
                    longer.add(value);
                    next.add(longer);
                }
            }
            points = next;
        }
        return points;
    }
}
