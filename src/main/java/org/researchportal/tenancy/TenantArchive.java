package org.researchportal.tenancy;

import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.ObjectId;
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
 * (as stored: personal data stays sealed, so the archive holds none of it in plain text; credentials stay behind) and
 * every file with its bytes. A tenant administrator exports their own tenant; a platform administrator imports one
 * that this installation does not have yet.
 *
 * <p>The exporting installation signs the archive ({@link ArchiveSignature}); an import is refused, before anything is
 * written, unless the signature verifies with a key this installation holds, the archive stays within
 * {@link #LIMITS}, every document belongs to the tenant, and every collection passes its module's
 * {@link ArchiveRules} (the rules its service keeps). The receiving installation must also open what the archive's
 * keys sealed and use the same lookup key. An import that still fails midway removes what it wrote.
 */
@Service
public class TenantArchive {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TenantArchive.class);

    static final int FORMAT = 2;
    static final String MANIFEST = ArchiveReader.MANIFEST;
    /**
     * At most 1 GiB once inflated (the archive's documents are held in memory until all are checked), 50,000 entries,
     * 5 million documents, and 16 MiB a document (MongoDB's own limit).
     */
    static final ArchiveReader.Limits LIMITS = new ArchiveReader.Limits(1L << 30, 50_000, 5_000_000, 16 << 20);
    static final String LOOKUP_CHECK = "research-portal tenant archive";
    static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final MongoOperations mongo;
    private final GridFsTemplate gridFs;
    private final TenantDocuments documents;
    private final SealedValues sealed;
    private final Map<String, ArchiveRules> rules;
    private final ArchiveCheck checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenantArchive(MongoOperations mongo, GridFsTemplate gridFs, TenantDocuments documents, SealedValues sealed,
            List<ArchiveRules> rules, ArchiveCheck checks, ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.documents = documents;
        this.sealed = sealed;
        this.rules = rules.stream().collect(Collectors.toMap(ArchiveRules::collection, Function.identity()));
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    /** Writes the signed-in administrator's tenant to the stream as a signed ZIP archive; answers what it holds. */
    @Secured(Authorities.TENANT_ADMIN)
    public Map<String, Integer> export(OutputStream out) throws IOException {
        String tenant = documents.currentTenantId();
        Document tenantRecord = mongo.getCollection("tenants").find(new Document("_id", tenant)).first();
        if (tenantRecord == null) {
            throw new IllegalStateException("Tenant " + tenant + " has no record");
        }
        MessageDigest whole = ArchiveReader.sha256();
        var writer = new ArchiveWriter(new ZipOutputStream(new DigestOutputStream(out, whole), StandardCharsets.UTF_8),
                sealed);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<String> keyIds = new TreeSet<>();
        for (String collection : tenantCollections()) {
            ArchiveRules rule = rules.get(collection);
            int count = 0;
            writer.begin(ArchiveReader.COLLECTIONS + collection + ".jsonl");
            for (Document raw : mongo.getCollection(collection).find(owned(tenant))) {
                String line = (rule == null ? raw : rule.exported(raw)).toJson(EXACT);
                keyIds.addAll(SealedValues.keyIdsIn(line));
                writer.line(line);
                count++;
            }
            writer.end();
            counts.put(collection, count);
        }
        int files = 0;
        for (Document file : mongo.getCollection("fs.files").find(new Document("metadata."
                + TenantDocuments.TENANT_FIELD, tenant))) {
            ObjectId id = file.getObjectId("_id");
            writer.begin(ArchiveReader.FILES + id.toHexString() + ".json");
            writer.line(file.toJson(EXACT));
            writer.end();
            // The chunks as stored, so the file comes back exactly (ids included), one chunk per line.
            writer.begin(ArchiveReader.FILES + id.toHexString() + ArchiveReader.CHUNKS);
            for (Document chunk : mongo.getCollection("fs.chunks").find(new Document("files_id", id))
                    .sort(new Document("n", 1))) {
                writer.line(chunk.toJson(EXACT));
            }
            writer.end();
            files++;
        }
        counts.put("files", files);
        Document manifest = new Document("format", FORMAT).append("tenant", tenantRecord)
                .append("exportedAt", clock.instant().toString())
                .append("exportedBy", CurrentUser.require().username())
                .append("keyIds", new ArrayList<>(keyIds)).append("lookupCheck", sealed.lookup(LOOKUP_CHECK))
                .append("counts", new Document(new LinkedHashMap<>(counts)));
        writer.begin(MANIFEST);
        writer.line(manifest.toJson(EXACT));
        writer.end();
        writer.sign();
        events.publishEvent(new TenantArchived(tenant, "tenant.exported", CurrentUser.require().username(),
                clock.instant(), Map.copyOf(counts), HexFormat.of().formatHex(whole.digest()), null));
        return counts;
    }

    /**
     * Brings an exported tenant into this installation, all or nothing, and audits it in the tenant's trail with who
     * imported it, when, and the archive's SHA-256. Refused with nothing written when the archive is not one, is not
     * signed by a key this installation holds, exceeds a limit, breaks a rule, names a tenant that exists here, or
     * holds sealed values that could not be read here.
     */
    @Secured(Authorities.PLATFORM_ADMIN)
    public ArchiveImport importArchive(InputStream in) {
        ArchiveReader.Contents archive = ArchiveReader.read(in, LIMITS);
        String signedWith = archive.covered().verify(archive.signature(), sealed);
        String importedBy = CurrentUser.require().username();
        Instant now = clock.instant();
        Tenant tenantRecord = checks.tenant(archive.manifest(), archive.collections(), importedBy, now);
        String tenant = tenantRecord.id();
        checks.documents(tenant, archive.collections());
        List<ArchiveCheck.ArchivedFile> files = checks.files(tenant, archive.fileRecords(), archive.fileChunks());

        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            mongo.insert(tenantRecord);
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            throw ValidationException.of("archive", "tenant.archive.exists");
        }
        try {
            for (var collection : archive.collections().entrySet()) {
                ArchiveRules rule = rules.get(collection.getKey());
                MongoCollection<Document> target = mongo.getCollection(collection.getKey());
                List<Document> batch = new ArrayList<>();
                for (byte[] line : collection.getValue()) {
                    Document document = ArchiveCheck.parse(line);
                    batch.add(rule == null ? document : rule.imported(document, importedBy, now));
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
            for (ArchiveCheck.ArchivedFile file : files) {
                mongo.getCollection("fs.files").insertOne(file.record());
                if (!file.chunks().isEmpty()) {
                    mongo.getCollection("fs.chunks").insertMany(file.chunks());
                }
            }
            counts.put("files", files.size());
            Document manifest = archive.manifest();
            // The audit entry is part of the import: without it, nothing stays.
            events.publishEvent(new TenantArchived(tenant, "tenant.imported", importedBy, now, Map.copyOf(counts),
                    archive.sha256(), Map.of("signedWithKey", signedWith,
                            "exportedBy", String.valueOf(manifest.get("exportedBy")),
                            "exportedAt", String.valueOf(manifest.get("exportedAt")))));
        } catch (RuntimeException failed) {
            log.warn("Importing tenant {} failed midway; removing what it wrote", tenant, failed);
            remove(tenant);
            throw ValidationException.of("archive", "tenant.archive.conflict");
        }
        return new ArchiveImport(tenant, Map.copyOf(counts), archive.sha256());
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

    static boolean holdsTenantDocuments(String collection) {
        return !collection.equals("tenants") && !collection.startsWith("fs.") && !collection.startsWith("system.");
    }

    private static Document owned(String tenant) {
        return new Document(TenantDocuments.TENANT_FIELD, tenant);
    }

}
