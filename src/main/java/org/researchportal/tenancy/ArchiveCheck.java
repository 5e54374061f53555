package org.researchportal.tenancy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.SealedValues;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Whether an archive that was read whole may be imported here, decided before anything is written: its manifest and
 * tenant record, every document the tenant's and passing its module's {@link ArchiveRules}, every file with exactly its
 * chunks. A plain component (no proxy): {@link TenantArchive#importArchive} checks the caller's role.
 */
@Component
class ArchiveCheck {

    private final MongoOperations mongo;
    private final SealedValues sealed;
    private final Map<String, ArchiveRules> rules;

    ArchiveCheck(MongoOperations mongo, SealedValues sealed, List<ArchiveRules> rules) {
        this.mongo = mongo;
        this.sealed = sealed;
        this.rules = rules.stream().collect(Collectors.toMap(ArchiveRules::collection, Function.identity()));
    }

    /**
     * The tenant's record as this installation keeps it, once the archive is known to be whole and readable here: its
     * name, time zone and state checked as when a platform administrator creates one, and created by the importer now
     * (what the archive says about its creation is the other installation's, and its own trail keeps that).
     */
    Tenant tenant(Document manifest, Map<String, List<byte[]>> collections, String importedBy, Instant now) {
        if (!Integer.valueOf(TenantArchive.FORMAT).equals(manifest.getInteger("format"))
                || !(manifest.get("tenant") instanceof Document archived)
                || !(archived.get("_id") instanceof String tenant) || !(archived.get("name") instanceof String name)
                || !(archived.get("timeZone") instanceof String timeZone)
                || !(archived.get("active") instanceof Boolean active)
                || !(archived.get("nameZh") == null || archived.get("nameZh") instanceof String)
                || !TenantService.check(tenant, name, timeZone).isEmpty() || !tenant.equals(tenant.trim())) {
            throw ValidationException.of("archive", "tenant.archive.invalid");
        }
        String nameZh = archived.getString("nameZh");
        if (nameZh != null && nameZh.length() > Tenant.NAME_MAX_LENGTH) {
            throw ValidationException.of("archive", "tenant.archive.invalid");
        }
        Document counts = manifest.get("counts", Document.class);
        for (var collection : collections.entrySet()) {
            if (counts == null || !Integer.valueOf(collection.getValue().size()).equals(counts.getInteger(
                    collection.getKey())) || !TenantArchive.holdsTenantDocuments(collection.getKey())) {
                throw ValidationException.of("archive", "tenant.archive.invalid");
            }
        }
        if (!sealed.lookup(TenantArchive.LOOKUP_CHECK).equals(manifest.getString("lookupCheck"))) {
            throw ValidationException.of("archive", "tenant.archive.other-lookup-key");
        }
        List<String> keyIds = manifest.getList("keyIds", String.class, List.of());
        if (!sealed.opensAll(keyIds)) {
            throw ValidationException.of("archive", "tenant.archive.unknown-key");
        }
        if (mongo.getCollection("tenants").countDocuments(new Document("_id", tenant)) > 0) {
            throw ValidationException.of("archive", "tenant.archive.exists");
        }
        return new Tenant(tenant, name.trim(), timeZone, active, now, importedBy, nameZh);
    }

    /** Every document belongs to the tenant, and every collection passes its module's rules. */
    void documents(String tenant, Map<String, List<byte[]>> collections) {
        for (var collection : collections.entrySet()) {
            ArchiveRules rule = rules.get(collection.getKey());
            List<Document> parsed = new ArrayList<>();
            for (byte[] line : collection.getValue()) {
                Document document = parse(line);
                if (!tenant.equals(document.get(TenantDocuments.TENANT_FIELD))) {
                    throw ValidationException.of("archive", "tenant.archive.other-tenant");
                }
                if (rule != null) {
                    parsed.add(document);
                }
            }
            if (rule != null) {
                rule.refusal(tenant, parsed).ifPresent(key -> {
                    throw ValidationException.of("archive", key);
                });
            }
        }
    }

    record ArchivedFile(Document record, List<Document> chunks) {}

    /** The archive's files: every one the tenant's, with exactly the chunks of its length, and no other chunks. */
    List<ArchivedFile> files(String tenant, Map<String, byte[]> records,
            Map<String, List<byte[]>> chunkLines) {
        if (!records.keySet().equals(chunkLines.keySet())) {
            throw ValidationException.of("archive", "tenant.archive.invalid");
        }
        List<ArchivedFile> files = new ArrayList<>();
        for (var file : records.entrySet()) {
            Document record = parse(file.getValue());
            Document metadata = record.get("metadata") instanceof Document m ? m : null;
            if (!(record.get("_id") instanceof ObjectId id) || !id.toHexString().equals(file.getKey())
                    || !(record.get("length") instanceof Number length)) {
                throw ValidationException.of("archive", "tenant.archive.invalid");
            }
            if (metadata == null || !tenant.equals(metadata.get(TenantDocuments.TENANT_FIELD))) {
                throw ValidationException.of("archive", "tenant.archive.other-tenant");
            }
            List<Document> chunks = chunkLines.get(file.getKey()).stream().map(ArchiveCheck::parse).toList();
            long bytes = 0;
            for (Document chunk : chunks) {
                if (!id.equals(chunk.get("files_id")) || !(chunk.get("data") instanceof Binary data)) {
                    throw ValidationException.of("archive", "tenant.archive.invalid");
                }
                bytes += data.length();
            }
            if (bytes != length.longValue()) {
                throw ValidationException.of("archive", "tenant.archive.invalid");
            }
            files.add(new ArchivedFile(record, chunks));
        }
        return files;
    }

    static Document parse(byte[] line) {
        try {
            return Document.parse(new String(line, StandardCharsets.UTF_8));
        } catch (RuntimeException notJson) {
            throw ValidationException.of("archive", "tenant.archive.invalid");
        }
    }
}
