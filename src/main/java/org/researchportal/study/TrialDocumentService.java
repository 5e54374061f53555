package org.researchportal.study;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.StoredFile;
import org.researchportal.tenancy.TenantFiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The study's documents: uploaded (size limited, type read from the bytes), versioned by title, and downloadable by
 * the roles each one allows (a tenant administrator sees all). A document the caller may not open is not found.
 */
@Service
public class TrialDocumentService {

    private final StudyRecords studies;
    private final TrialDocumentRecords records;
    private final TenantFiles files;
    private final AuditTrail audit;
    private final Clock clock;

    TrialDocumentService(StudyRecords studies, TrialDocumentRecords records, TenantFiles files, AuditTrail audit,
            Clock clock) {
        this.studies = studies;
        this.records = records;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public DocumentRow upload(String studyId, String title, TrialDocument.Kind kind, @Nullable String note,
            Set<PortalRole> allowedRoles, String fileName, byte[] content) {
        studies.study(studyId);
        Map<String, String> errors = new HashMap<>();
        if (Inputs.isBlankOrLonger(title, TrialDocument.TITLE_MAX_LENGTH)) {
            errors.put("title", "document.title.invalid");
        }
        if (note != null && note.length() > TrialDocument.NOTE_MAX_LENGTH) {
            errors.put("note", "document.note.invalid");
        }
        if (allowedRoles.isEmpty() || allowedRoles.contains(PortalRole.PLATFORM_ADMIN)) {
            errors.put("allowedRoles", "document.roles.invalid");
        }
        if (content.length == 0 || content.length > TrialDocument.MAX_BYTES) {
            errors.put("file", "document.file.size");
        }
        String type = errors.containsKey("file") ? null : DocumentTypes.detect(content, fileName).orElse(null);
        if (type == null && !errors.containsKey("file")) {
            errors.put("file", "document.file.type");
        }
        if (!errors.isEmpty() || type == null) {
            throw new ValidationException(errors);
        }
        String series = title.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int version = records.latestOf(studyId, series).map(d -> d.getRevision() + 1).orElse(1);
        // The stored name keeps the uploaded base name but takes its extension from the detected type.
        String safeName = TenantFiles.safeName(fileName, "document", DocumentTypes.extension(type));
        String fileId = files.store(safeName, type, content, Map.of("studyId", studyId));
        try {
            TrialDocument stored = records.add(new TrialDocument(studyId, series, title.trim(), kind, version,
                    Inputs.blankToNull(note), fileId, safeName, type, content.length, allowedRoles,
                    CurrentUser.require().username(), clock.instant()));
            audit.record("document.uploaded", "TrialDocument", stored.requireId(), null, stored.toRow(), null);
            return stored.toRow();
        } catch (DuplicateKeyException uploadedMeanwhile) {
            files.delete(fileId);
            throw ValidationException.of("file", "document.file.concurrent");
        }
    }

    /** The study's documents the caller may open, newest version of each title first. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.MONITOR,
            Authorities.THERAPIST,
            Authorities.COORDINATOR, Authorities.PARTICIPANT})
    public List<DocumentRow> documents(String studyId) {
        return records.documentsOf(studyId).stream().filter(this::mayOpen).map(TrialDocument::toRow).toList();
    }

    /** The latest version of each consent form, for recording which one a participant signed. */
    @Secured(Authorities.CLINICIAN)
    public List<DocumentRow> consentForms(String studyId) {
        return documents(studyId).stream().filter(d -> d.kind() == TrialDocument.Kind.CONSENT_FORM)
                .collect(Collectors.groupingBy(DocumentRow::series)).values().stream()
                .map(versions -> versions.stream().max(Comparator.comparingInt(DocumentRow::version)).orElseThrow())
                .sorted(Comparator.comparing(DocumentRow::title)).toList();
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.MONITOR,
            Authorities.THERAPIST,
            Authorities.COORDINATOR, Authorities.PARTICIPANT})
    public StoredFile open(String documentId) {
        TrialDocument document = records.document(documentId).filter(this::mayOpen)
                .orElseThrow(() -> new NotFoundException("TrialDocument", documentId));
        return files.open(document.getFileId())
                .orElseThrow(() -> new NotFoundException("TrialDocument", documentId));
    }

    private boolean mayOpen(TrialDocument document) {
        PortalUser me = CurrentUser.require();
        return me.hasRole(PortalRole.TENANT_ADMIN)
                || document.getAllowedRoles().stream().anyMatch(me::hasRole);
    }
}
