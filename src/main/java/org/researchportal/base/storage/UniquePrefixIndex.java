package org.researchportal.base.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

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

    PrefixIndex<P> prefix() {
        return prefix;
    }

    /**
     * The file store keeps the unique index's entries but not the prefix index's: built again from every stored
     * document when the collection opens (the library builds only an empty index).
     */
    boolean needsPrefixBuilt() {
        return prefix.getCount() == 0 && !unique.isEmpty();
    }

    void addToPrefixOnly(Document document, P position, MongoCollection<P> collection) {
        prefix.add(document, position, collection);
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
