package org.researchportal.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoOperations;

/** A tenant's data as stored, read past the portal: to prove an attack changed nothing, and to pick its ids. */
public final class TenantSnapshot {

    private TenantSnapshot() {
    }

    /** Every document of the tenant in every collection, its files' descriptions and bytes, as stored. */
    public static Map<String, String> of(MongoOperations mongo, String tenant) {
        return of(mongo, tenant, true);
    }

    /**
     * The same without the files' bytes, for a check made thousands of times: a file's chunks are written only with
     * its description, whose length and upload time would change too.
     */
    public static Map<String, String> documents(MongoOperations mongo, String tenant) {
        return of(mongo, tenant, false);
    }

    private static Map<String, String> of(MongoOperations mongo, String tenant, boolean withBytes) {
        Map<String, String> snapshot = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (collection.endsWith(".chunks")) {
                continue;
            }
            for (Document raw : mongo.getCollection(collection).find(owned(collection, tenant))) {
                snapshot.put(collection + "/" + raw.get("_id"), raw.toJson());
                if (withBytes && collection.endsWith(".files")) {
                    String chunks = collection.replace(".files", ".chunks");
                    for (Document chunk : mongo.getCollection(chunks).find(new Document("files_id", raw.get("_id")))) {
                        snapshot.put(chunks + "/" + chunk.get("_id"), chunk.toJson());
                    }
                }
            }
        }
        return snapshot;
    }

    /** Up to this many ids of the tenant's documents from each collection (files included). */
    public static List<String> ids(MongoOperations mongo, String tenant, int perCollection) {
        List<String> ids = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            if (collection.endsWith(".chunks")) {
                continue;
            }
            for (Document raw : mongo.getCollection(collection).find(owned(collection, tenant)).limit(perCollection)) {
                Object id = raw.get("_id");
                ids.add(id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id));
            }
        }
        return ids;
    }

    /** What an installation that never had the tenant holds of it: nothing (removed past the portal). */
    public static void erase(MongoOperations mongo, String tenant) {
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.startsWith("fs.")) {
                mongo.getCollection(collection).deleteMany(new Document(TenantDocuments.TENANT_FIELD, tenant));
            }
        }
        for (Document file : mongo.getCollection("fs.files").find(owned("fs.files", tenant))) {
            mongo.getCollection("fs.chunks").deleteMany(new Document("files_id", file.get("_id")));
        }
        mongo.getCollection("fs.files").deleteMany(owned("fs.files", tenant));
        mongo.getCollection("tenants").deleteOne(new Document("_id", tenant));
    }

    private static Document owned(String collection, String tenant) {
        return new Document(collection.endsWith(".files") ? "metadata." + TenantDocuments.TENANT_FIELD
                : TenantDocuments.TENANT_FIELD, tenant);
    }
}
