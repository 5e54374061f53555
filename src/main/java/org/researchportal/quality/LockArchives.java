package org.researchportal.quality;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.PortalRole;
import org.researchportal.reporting.StudyExports;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.tenancy.StoredFile;
import org.researchportal.tenancy.TenantDocuments;
import org.researchportal.tenancy.TenantFiles;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The archive of a study at each database lock (reporting's {@link StudyExports#archive}), kept with the tenant's
 * files with the SHA-256 of its bytes, and handed to the monitor and the tenant administrator.
 */
@Service
public class LockArchives {

    static final String ENTITY = "LockArchive";
    private static final String PURPOSE = "lock-archive";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final TenantDocuments documents;
    private final TenantFiles files;
    private final StudyExports exports;
    private final StudyService studies;
    private final AuditTrail audit;
    private final TenantSweeps sweeps;
    private final Clock clock;

    LockArchives(TenantDocuments documents, TenantFiles files, StudyExports exports, StudyService studies,
            AuditTrail audit, TenantSweeps sweeps, Clock clock) {
        this.documents = documents;
        this.files = files;
        this.exports = exports;
        this.studies = studies;
        this.audit = audit;
        this.sweeps = sweeps;
        this.clock = clock;
    }

    /**
     * Writes the archive when a study's database is locked. The lock is a monitor's act and this runs in their
     * thread, but the archive reads every participant's data with the arm and their audit trail, which a blinded
     * monitor may not read: so the system writes it, with a clinician's reading role and no other (the one role that
     * reads all of it; storing the file and the record asks for none). A failure reaches the locker: a lock without
     * its archive must not pass unnoticed.
     */
    @EventListener
    void on(StudyDatabaseLocked locked) {
        sweeps.inTenant(locked.tenantId(), PURPOSE, EnumSet.of(PortalRole.CLINICIAN), () -> write(locked));
    }

    /** A study's archives, newest lock first. */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public List<LockArchiveRow> archives(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId))
                .with(Sort.by(Sort.Direction.DESC, "lockedAt")), LockArchive.class).stream().map(LockArchive::toRow)
                .toList();
    }

    /** One archive's file, to download; each download is in the audit trail (the archive carries the arm). */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public StoredFile download(String archiveId) {
        LockArchive archive = documents.findById(archiveId, LockArchive.class)
                .orElseThrow(() -> new NotFoundException(ENTITY, archiveId));
        StoredFile file = files.open(archive.getFileId())
                .orElseThrow(() -> new NotFoundException(ENTITY, archiveId));
        audit.record("study.archive-downloaded", ENTITY, archive.requireId(), null, Map.of("studyId",
                archive.getStudyId(), "sha256", archive.getSha256()), null);
        return file;
    }

    private LockArchive write(StudyDatabaseLocked locked) {
        Optional<LockArchive> written = documents.findOne(Query.query(Criteria.where("studyId").is(locked.studyId())
                .and("lockedAt").is(locked.at())), LockArchive.class);
        if (written.isPresent()) {
            // The same lock told twice: its archive is kept already.
            return written.get();
        }
        String acronym = studies.study(locked.studyId()).map(StudySummary::acronym)
                .orElseThrow(() -> new NotFoundException("Study", locked.studyId()));
        String name = acronym.replaceAll("[^A-Za-z0-9_-]+", "_") + "-lock-archive-" + FILE_TIME.format(locked.at())
                + ".zip";
        Path file = null;
        try {
            file = Files.createTempFile("lock-archive-", ".zip");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)),
                    sha256)) {
                exports.archive(locked.studyId(), locked.at(), out);
            }
            String digest = HexFormat.of().formatHex(sha256.digest());
            long size = Files.size(file);
            String fileId;
            try (InputStream in = Files.newInputStream(file)) {
                fileId = files.store(name, "application/zip", in, Map.of("studyId", locked.studyId(), "purpose",
                        PURPOSE, "sha256", digest));
            }
            LockArchive archive = documents.insert(new LockArchive(locked.studyId(), locked.at(), locked.by(),
                    clock.instant(), fileId, name, size, digest));
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("studyId", locked.studyId());
            kept.put("lockedAt", locked.at());
            kept.put("lockedBy", locked.by());
            kept.put("fileId", fileId);
            kept.put("size", size);
            kept.put("sha256", digest);
            audit.record("study.archive-written", ENTITY, archive.requireId(), null, kept, null);
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temporary file left behind is removed with the machine's temporary files.
                }
            }
        }
    }
}
