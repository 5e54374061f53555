package org.researchportal.base.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A compound unique index of the embedded store, usable by a prefix of its keys too: the library's own unique index
 * keeps the constraint (and answers equality on every key), and a {@link PrefixIndex} beside it answers the rest, e.g.
 * {@code {tenantId, participantId: {$in: [...]}}} on an index of {@code {tenantId, participantId, weekStart}}.
 */
final class UniquePrefixIndex<P> extends Index<P> {

    private final Index<P> unique;
    private final PrefixIndex<P> prefix;

    UniquePrefixIndex(Index<P> unique, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.unique = unique;
        this.prefix = new PrefixIndex<>(name, keys, sparse);
    }

    /** The library's unique index, answering by a prefix of its keys too when it has several. */
    static <P> Index<P> around(Index<P> unique, String name, List<IndexKey> keys, boolean sparse) {
        return keys.size() < 2 ? unique : new UniquePrefixIndex<>(unique, name, keys, sparse);
    }

    /**
     * Before a collection adds an index: a unique index the file store reopened holds its entries but not its prefix,
     * which is built here from the stored documents (the library builds only an empty index; an index the collection
     * already knows is not added again).
     */
    static <P> void buildPrefixOnOpening(MongoCollection<P> collection, List<Index<P>> known, Index<P> index,
            Supplier<Stream<DocumentWithPosition<P>>> documents) {
        boolean added = known.stream().anyMatch(i -> i.getName().equals(index.getName()));
        if (!added && index instanceof UniquePrefixIndex<P> unique && unique.needsPrefixBuilt()) {
            documents.get().forEach(d -> unique.prefix.add(d.getDocument(), d.getPosition(), collection));
        }
    }

    PrefixIndex<P> prefix() {
        return prefix;
    }

    private boolean needsPrefixBuilt() {
        return prefix.getCount() == 0 && !unique.isEmpty();
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
        prefix.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        P position = unique.remove(document);
        prefix.remove(document);
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return unique.getPositions(query);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
        prefix.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
        prefix.drop();
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    /** As the library's own index reads, since its errors name it. */
    @Override
    public String toString() {
        return unique.toString();
    }
}
