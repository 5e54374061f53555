package org.researchportal.tenancy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * The one way to keep files (GridFS): the tenant is stamped in each file's metadata when it is stored and checked
 * when it is read or deleted, so a file id of another tenant is simply not found. Like {@link TenantDocuments}, it
 * takes the tenant from the signed-in person, never from the caller.
 */
@Component
public class TenantFiles {

    private final GridFsTemplate gridFs;
    private final TenantDocuments documents;

    TenantFiles(GridFsTemplate gridFs, TenantDocuments documents) {
        this.gridFs = gridFs;
        this.documents = documents;
    }

    /** Stores a file in the current tenant and answers its id. */
    public String store(String fileName, String contentType, byte[] content, Map<String, Object> metadata) {
        return store(fileName, contentType, new ByteArrayInputStream(content), metadata);
    }

    /** Stores a stream in the current tenant (chunk by chunk, never whole in memory) and answers its id. */
    public String store(String fileName, String contentType, InputStream content, Map<String, Object> metadata) {
        Document stamped = new Document(metadata);
        stamped.put(TenantDocuments.TENANT_FIELD, documents.currentTenantId());
        stamped.put("contentType", contentType);
        return gridFs.store(content, fileName, contentType, stamped).toHexString();
    }

    /**
     * The name a file is stored under: the uploaded base name without characters file systems and headers choke on,
     * and the extension of the type read from the bytes, whatever the upload claimed.
     */
    public static String safeName(@Nullable String uploaded, String fallback, String extension) {
        String base = (uploaded == null ? "" : uploaded).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_")
                .replaceAll("\\.[^.]*$", "");
        return (base.isBlank() ? fallback : base) + extension;
    }

    public Optional<StoredFile> open(String fileId) {
        return Optional.ofNullable(gridFs.findOne(mine(fileId))).map(file -> {
            String type = file.getMetadata() == null ? "application/octet-stream"
                    : file.getMetadata().getString("contentType");
            return new StoredFile(fileId, file.getFilename(), type, file.getLength(),
                    () -> gridFs.getResource(file).getInputStream());
        });
    }

    public void delete(String fileId) {
        gridFs.delete(mine(fileId));
    }

    private Query mine(String fileId) {
        if (!ObjectId.isValid(fileId)) {
            // Matches nothing: a malformed id is as unknown as another tenant's.
            return Query.query(Criteria.where("_id").is(new ObjectId(new byte[12])).and("metadata.tenantId").is(""));
        }
        return Query.query(Criteria.where("_id").is(new ObjectId(fileId))
                .and("metadata." + TenantDocuments.TENANT_FIELD).is(documents.currentTenantId()));
    }
}
