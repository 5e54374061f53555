package org.researchportal.study;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a trial document (protocol, consent form, manual, ...): its file in GridFS, who may download it,
 * and who uploaded it. A new upload under the same title is the next version; earlier ones stay.
 */
@Document("trial_documents")
@CompoundIndex(name = "tenant_study_series_version",
        def = "{'tenantId': 1, 'studyId': 1, 'series': 1, 'revision': -1}", unique = true)
public class TrialDocument extends TenantOwnedDocument {

    public static final int TITLE_MAX_LENGTH = 120;
    public static final int NOTE_MAX_LENGTH = 300;
    /** The largest file accepted: 20 MB. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    public enum Kind {
        PROTOCOL, CONSENT_FORM, MANUAL, INFORMATION_SHEET, OTHER;

        public String messageKey() {
            return "document.kind." + name().toLowerCase(Locale.ROOT);
        }
    }

    private String studyId;
    private String series;
    private String title;
    private Kind kind;
    /** The document's version under its title (not the optimistic-locking version of the record). */
    private int revision;
    private @Nullable String note;
    private String fileId;
    private String fileName;
    private String contentType;
    private long size;
    private Set<PortalRole> allowedRoles;
    private String uploadedBy;
    private Instant uploadedAt;

    TrialDocument(String studyId, String series, String title, Kind kind, int revision, @Nullable String note,
            String fileId, String fileName, String contentType, long size, Set<PortalRole> allowedRoles,
            String uploadedBy, Instant uploadedAt) {
        this.studyId = studyId;
        this.series = series;
        this.title = title;
        this.kind = kind;
        this.revision = revision;
        this.note = note;
        this.fileId = fileId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.allowedRoles = Set.copyOf(allowedRoles);
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    String getSeries() {
        return series;
    }

    int getRevision() {
        return revision;
    }

    String getFileId() {
        return fileId;
    }

    Set<PortalRole> getAllowedRoles() {
        return allowedRoles;
    }

    DocumentRow toRow() {
        return new DocumentRow(requireId(), series, title, kind, revision, note, fileName, contentType, size,
                allowedRoles,
                uploadedBy, uploadedAt);
    }
}
