package org.researchportal.quality;

import java.time.Instant;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The archive written when a study's database was locked: the lock's time and who locked, the stored file and its
 * size, and the SHA-256 of its bytes computed as they were written, so anyone can later prove a copy is the one kept.
 * One per lock (a study unlocked and locked again has several).
 */
@Document("lock_archives")
@CompoundIndex(name = "tenant_study_locked", def = "{'tenantId': 1, 'studyId': 1, 'lockedAt': 1}", unique = true)
class LockArchive extends TenantOwnedDocument {

    private String studyId;
    private Instant lockedAt;
    private String lockedBy;
    private Instant writtenAt;
    private String fileId;
    private String fileName;
    private long size;
    private String sha256;

    LockArchive(String studyId, Instant lockedAt, String lockedBy, Instant writtenAt, String fileId, String fileName,
            long size, String sha256) {
        this.studyId = studyId;
        this.lockedAt = lockedAt;
        this.lockedBy = lockedBy;
        this.writtenAt = writtenAt;
        this.fileId = fileId;
        this.fileName = fileName;
        this.size = size;
        this.sha256 = sha256;
    }

    String getStudyId() {
        return studyId;
    }

    Instant getLockedAt() {
        return lockedAt;
    }

    String getLockedBy() {
        return lockedBy;
    }

    Instant getWrittenAt() {
        return writtenAt;
    }

    String getFileId() {
        return fileId;
    }

    String getFileName() {
        return fileName;
    }

    long getSize() {
        return size;
    }

    String getSha256() {
        return sha256;
    }

    LockArchiveRow toRow() {
        return new LockArchiveRow(requireId(), studyId, lockedAt, lockedBy, fileName, size, sha256);
    }
}
