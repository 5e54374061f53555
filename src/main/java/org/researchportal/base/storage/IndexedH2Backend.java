package org.researchportal.base.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 file store with real secondary indexes ({@link PrefixIndex}); mongo-java-server's own leaves them empty. The
 * indexes live on the heap only: at start-up the library replays every stored index description, which rebuilds them.
 */
class IndexedH2Backend extends H2Backend {

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    IndexedH2Backend(String fileName) {
        super(fileName);
    }

    // runs from H2Backend's constructor for every stored database: use only what the superclass has set
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    static final class Database extends H2Database {

        private final MVStore store;

        Database(String name, MVStore store, CursorRegistry cursorRegistry) {
            // set before super(...): H2Database's constructor already opens the stored collections through this class
            this.store = store;
            super(name, store, cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // the map names H2Database uses, so files written before these indexes open unchanged
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap("databases." + fullName);
            MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                Oplog oplog) {
            return LeadingMatch.during(command, query, getDatabaseName(),
                    () -> super.handleCommand(channel, command, query, resolver, oplog));
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return UniquePrefixIndex.around(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                    indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                List<IndexKey> keys, boolean sparse) {
            return new PrefixIndex<>(indexName, keys, sparse);
        }
    }

    static final class Collection extends H2Collection {

        private final Comparator<Object> scanOrder;

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> dataMap,
                MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, name, options, dataMap, metaMap, cursorRegistry);
            // a scan reads the data map in key (_id) order: answer in the same order
            this.scanOrder = dataMap.getKeyType()::compare;
        }

        @Override
        public Stream<Document> queryAllAsStream() {
            return LeadingMatch.firstRead(this, super::queryAllAsStream);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            List<Object> positions = IndexPlanner.positions(getIndexes(), query, scanOrder);
            if (positions == null) {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        // the library does not hold the collection's lock while building or dropping an index
        @Override
        public synchronized void addIndex(Index<Object> index) {
            UniquePrefixIndex.buildPrefixOnOpening(this, getIndexes(), index, this::streamAllDocumentsWithPosition);
            super.addIndex(index);
        }

        @Override
        public synchronized void dropIndex(String indexName) {
            super.dropIndex(indexName);
        }
    }
}
