package org.researchportal.tenancy;

import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.SealedValues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * A whole tenant as one archive, to move an institution to another installation: every document of every collection
 * (as stored: personal data stays sealed, so the archive holds none of it in plain text) and every file with its
 * bytes. A tenant administrator exports their own tenant; a platform administrator imports one that this installation
 * does not have yet. The receiving installation must be able to open what the archive's keys sealed (the sending
 * installation's key among {@code PORTAL_SECRETS_PREVIOUS_KEYS}) and must use the same lookup key: an archive it could
 * not read is refused before anything is written. An import that fails midway removes what it wrote.
 */
@Service
public class TenantArchive {

    static final int FORMAT = 1;
    static final String MANIFEST = "manifest.json";
    private static final String COLLECTIONS = "collections/";
    private static final String FILES = "files/";
    private static final String CHUNKS = ".chunks.jsonl";
    private static final String LOOKUP_CHECK = "research-portal tenant archive";
    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final MongoOperations mongo;
    private final GridFsTemplate gridFs;
    private final TenantDocuments documents;
    private final SealedValues sealed;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenantArchive(MongoOperations mongo, GridFsTemplate gridFs, TenantDocuments documents,
            SealedValues sealed, ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.documents = documents;
        this.sealed = sealed;
        this.events = events;
        this.clock = clock;
    }

    /** Writes the signed-in administrator's tenant to the stream as a ZIP archive; answers what it holds. */
    @Secured(Authorities.TENANT_ADMIN)
    public Map<String, Integer> export(OutputStream out) throws IOException {
        String tenant = documents.currentTenantId();
        Document tenantRecord = mongo.getCollection("tenants").find(new Document("_id", tenant)).first();
        if (tenantRecord == null) {
            throw new IllegalStateException("Tenant " + tenant + " has no record");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> keyIds = new TreeSet<>();
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (String collection : tenantCollections()) {
            int count = 0;
            zip.putNextEntry(new ZipEntry(COLLECTIONS + collection + ".jsonl"));
            for (Document raw : mongo.getCollection(collection).find(owned(tenant))) {
                String line = raw.toJson(EXACT);
                keyIds.addAll(SealedValues.keyIdsIn(line));
                zip.write(line.getBytes(StandardCharsets.UTF_8));
                zip.write('\n');
                count++;
            }
            zip.closeEntry();
            counts.put(collection, count);
        }
        int files = 0;
        for (Document file : mongo.getCollection("fs.files").find(new Document("metadata."
                + TenantDocuments.TENANT_FIELD, tenant))) {
            ObjectId id = file.getObjectId("_id");
            zip.putNextEntry(new ZipEntry(FILES + id.toHexString() + ".json"));
            zip.write(file.toJson(EXACT).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            // The chunks as stored, so the file comes back exactly (ids included), one chunk per line.
            zip.putNextEntry(new ZipEntry(FILES + id.toHexString() + CHUNKS));
            for (Document chunk : mongo.getCollection("fs.chunks").find(new Document("files_id", id))
                    .sort(new Document("n", 1))) {
                zip.write(chunk.toJson(EXACT).getBytes(StandardCharsets.UTF_8));
                zip.write('\n');
            }
            zip.closeEntry();
            files++;
        }
        counts.put("files", files);
        Document manifest = new Document("format", FORMAT).append("tenant", tenantRecord)
                .append("exportedAt", clock.instant().toString())
                .append("exportedBy", CurrentUser.require().username())
                .append("keyIds", new ArrayList<>(keyIds)).append("lookupCheck", sealed.lookup(LOOKUP_CHECK))
                .append("counts", new Document(new LinkedHashMap<>(counts)));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest.toJson(EXACT).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        events.publishEvent(new TenantArchived(tenant, "tenant.exported", CurrentUser.require().username(),
                clock.instant(), Map.copyOf(counts)));
        return counts;
    }

    /**
     * Brings an exported tenant into this installation, all or nothing; answers what it holds. Refused (nothing
     * written) when the archive is not one, the tenant exists here, or its sealed values could not be read here.
     */
    @Secured(Authorities.PLATFORM_ADMIN)
    public Map<String, Integer> importArchive(InputStream in) {
        // The manifest comes last in the archive: the archive is read once into entries, documents kept as lines.
        Map<String, List<String>> collections = new LinkedHashMap<>();
        Map<String, Document> fileRecords = new LinkedHashMap<>();
        Map<String, List<String>> fileChunks = new LinkedHashMap<>();
        Document manifest = null;
        try (var zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                byte[] bytes = zip.readAllBytes();
                if (name.equals(MANIFEST)) {
                    manifest = Document.parse(new String(bytes, StandardCharsets.UTF_8));
                } else if (name.startsWith(COLLECTIONS) && name.endsWith(".jsonl")) {
                    String collection = name.substring(COLLECTIONS.length(), name.length() - ".jsonl".length());
                    collections.put(collection, new String(bytes, StandardCharsets.UTF_8).lines()
                            .filter(l -> !l.isBlank()).toList());
                } else if (name.startsWith(FILES) && name.endsWith(".json")) {
                    fileRecords.put(name.substring(FILES.length(), name.length() - 5),
                            Document.parse(new String(bytes, StandardCharsets.UTF_8)));
                } else if (name.startsWith(FILES) && name.endsWith(CHUNKS)) {
                    fileChunks.put(name.substring(FILES.length(), name.length() - CHUNKS.length()),
                            new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList());
                }
            }
        } catch (IOException | RuntimeException notAnArchive) {
            throw ValidationException.of("archive", "tenant.archive.invalid");
        }
        Document tenantRecord = check(manifest, collections);
        String tenant = tenantRecord.getString("_id");
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            mongo.getCollection("tenants").insertOne(tenantRecord);
        } catch (com.mongodb.MongoWriteException written) {
            if (written.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw written;
            }
            throw ValidationException.of("archive", "tenant.archive.exists");
        }
        try {
            for (var collection : collections.entrySet()) {
                MongoCollection<Document> target = mongo.getCollection(collection.getKey());
                List<Document> batch = new ArrayList<>();
                for (String line : collection.getValue()) {
                    Document document = Document.parse(line);
                    if (!tenant.equals(document.getString(TenantDocuments.TENANT_FIELD))) {
                        throw ValidationException.of("archive", "tenant.archive.invalid");
                    }
                    batch.add(document);
                    if (batch.size() == 500) {
                        target.insertMany(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    target.insertMany(batch);
                }
                counts.put(collection.getKey(), collection.getValue().size());
            }
            for (var file : fileRecords.entrySet()) {
                Document record = file.getValue();
                Document metadata = record.get("metadata", Document.class);
                List<Document> chunks = fileChunks.getOrDefault(file.getKey(), List.of()).stream()
                        .map(Document::parse).toList();
                long length = chunks.stream().mapToLong(c -> c.get("data", org.bson.types.Binary.class).length())
                        .sum();
                if (metadata == null || !tenant.equals(metadata.getString(TenantDocuments.TENANT_FIELD))
                        || length != ((Number) record.get("length")).longValue() || chunks.stream().anyMatch(c ->
                                !record.get("_id").equals(c.get("files_id")))) {
                    throw ValidationException.of("archive", "tenant.archive.invalid");
                }
                mongo.getCollection("fs.files").insertOne(record);
                if (!chunks.isEmpty()) {
                    mongo.getCollection("fs.chunks").insertMany(chunks);
                }
            }
            counts.put("files", fileRecords.size());
        } catch (RuntimeException failed) {
            remove(tenant);
            if (failed instanceof ValidationException refused) {
                throw refused;
            }
            throw ValidationException.of("archive", "tenant.archive.conflict");
        }
        events.publishEvent(new TenantArchived(tenant, "tenant.imported", CurrentUser.require().username(),
                clock.instant(), Map.copyOf(counts)));
        return counts;
    }

    /** The archive's tenant record, once the archive is known to be whole and readable here. */
    private Document check(@Nullable Document manifest, Map<String, List<String>> collections) {
        if (manifest == null || !Integer.valueOf(FORMAT).equals(manifest.getInteger("format"))
                || !(manifest.get("tenant") instanceof Document tenantRecord)
                || !(tenantRecord.get("_id") instanceof String tenant) || !tenant.matches(Tenant.CODE_PATTERN)) {
            throw ValidationException.of("archive", "tenant.archive.invalid");
        }
        Document counts = manifest.get("counts", Document.class);
        for (var collection : collections.entrySet()) {
            if (counts == null || !Integer.valueOf(collection.getValue().size()).equals(counts.getInteger(
                    collection.getKey())) || !holdsTenantDocuments(collection.getKey())) {
                throw ValidationException.of("archive", "tenant.archive.invalid");
            }
        }
        if (!sealed.lookup(LOOKUP_CHECK).equals(manifest.getString("lookupCheck"))) {
            throw ValidationException.of("archive", "tenant.archive.other-lookup-key");
        }
        List<String> keyIds = manifest.getList("keyIds", String.class, List.of());
        if (!sealed.opensAll(keyIds)) {
            throw ValidationException.of("archive", "tenant.archive.unknown-key");
        }
        if (mongo.getCollection("tenants").countDocuments(new Document("_id", tenant)) > 0) {
            throw ValidationException.of("archive", "tenant.archive.exists");
        }
        return tenantRecord;
    }

    /** Everything of a tenant that an import wrote (the tenant did not exist before it). */
    private void remove(String tenant) {
        for (String collection : tenantCollections()) {
            mongo.getCollection(collection).deleteMany(owned(tenant));
        }
        gridFs.delete(Query.query(Criteria.where("metadata." + TenantDocuments.TENANT_FIELD).is(tenant)));
        mongo.getCollection("tenants").deleteOne(new Document("_id", tenant));
    }

    /** Every collection that holds tenant-owned documents (all but platform records and the file store). */
    private List<String> tenantCollections() {
        return mongo.getCollectionNames().stream().filter(TenantArchive::holdsTenantDocuments).sorted().toList();
    }

    private static boolean holdsTenantDocuments(String collection) {
        return !collection.equals("tenants") && !collection.startsWith("fs.") && !collection.startsWith("system.");
    }

    private static Document owned(String tenant) {
        return new Document(TenantDocuments.TENANT_FIELD, tenant);
    }
}
