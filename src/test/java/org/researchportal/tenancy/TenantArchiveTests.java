package org.researchportal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.access.AccessDeniedException;

/**
 * A tenant exported whole and imported into an installation that does not have it comes back byte for byte: every
 * document of every collection, every file and its bytes, the tenant itself; and what the portal shows of it is the
 * same. An archive this installation cannot read, or a tenant it already has, is refused with nothing written.
 */
class TenantArchiveTests extends PortalTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    ParticipantService participants;
    @Autowired
    TenantArchive archive;
    @Autowired
    TenantFiles files;
    @Autowired
    MongoOperations mongo;

    @Test
    void aTenantExportedAndImportedElsewhereComesBackByteForByte() throws IOException {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String tenant = trial.tenantId();
        String randomised = trial.eligibleConsentedCandidate(screening, consent, "Archive Randomised 李");
        trial.doAsClinician(() -> randomisation.randomise(randomised, Map.of()));
        trial.eligibleConsentedCandidate(screening, consent, "Archive Candidate");
        byte[] handout = "%PDF-1.7 a handout".getBytes(StandardCharsets.US_ASCII);
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> files.store("handout.pdf", "application/pdf",
                handout, Map.of("kind", "test")));
        Map<String, String> before = everything(tenant);
        var shownBefore = names(trial);

        var out = new ByteArrayOutputStream();
        Map<String, Integer> exported = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> {
            try {
                return archive.export(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(exported).containsEntry("participants", 2).containsEntry("files", 1);
        Map<String, String> entries = entries(out.toByteArray());
        assertThat(String.join("\n", entries.values())).as("personal data stays sealed in the archive")
                .doesNotContain("Archive Randomised", "Archive Candidate").contains("sv1:");

        // The other installation: it has never had this tenant.
        erase(tenant);
        assertThat(everything(tenant)).isEmpty();

        Map<String, Integer> imported = asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> importing(
                out.toByteArray()));
        assertThat(imported).isEqualTo(exported);
        Map<String, String> after = everything(tenant);
        after.values().removeIf(json -> json.contains("\"action\": \"tenant.imported\""));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(before.keySet()).allSatisfy(key -> assertThat(after.get(key)).as(key).isEqualTo(before.get(key)));
        assertThat(names(trial)).isEqualTo(shownBefore);
        StoredFile file = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> mongo.getCollection("fs.files")
                .find(new Document("metadata.tenantId", tenant)).map(d -> files.open(d.getObjectId("_id")
                        .toHexString()).orElseThrow()).first());
        assertThat(file).isNotNull();
        try (var in = file.open()) {
            assertThat(in.readAllBytes()).isEqualTo(handout);
        }
        // The import is in the tenant's own trail.
        assertThat(mongo.getCollection("audit_events").countDocuments(new Document("tenantId", tenant)
                .append("action", "tenant.imported"))).isEqualTo(1);

        // Once here, the same archive is refused, and nothing changes.
        assertRefused(out.toByteArray(), "tenant.archive.exists", tenant);
    }

    @Test
    void archivesThisInstallationCannotReadAreRefusedWithNothingWritten() throws IOException {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String tenant = trial.tenantId();
        trial.eligibleConsentedCandidate(screening, consent, "Refused Archive");
        var out = new ByteArrayOutputStream();
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> {
            try {
                return archive.export(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        erase(tenant);
        Map<String, String> entries = entries(out.toByteArray());

        assertRefused("not a zip at all".getBytes(StandardCharsets.UTF_8), "tenant.archive.invalid", tenant);
        Map<String, String> otherLookup = new LinkedHashMap<>(entries);
        otherLookup.put(TenantArchive.MANIFEST, entries.get(TenantArchive.MANIFEST)
                .replaceAll("\"lookupCheck\": \"[^\"]*\"", "\"lookupCheck\": \"another\""));
        assertRefused(zip(otherLookup), "tenant.archive.other-lookup-key", tenant);
        Map<String, String> unknownKey = new LinkedHashMap<>(entries);
        unknownKey.put(TenantArchive.MANIFEST, entries.get(TenantArchive.MANIFEST)
                .replace("\"keyIds\": [", "\"keyIds\": [\"0badc0de\", "));
        assertRefused(zip(unknownKey), "tenant.archive.unknown-key", tenant);
        Map<String, String> missingLines = new LinkedHashMap<>(entries);
        missingLines.put("collections/participants.jsonl", "");
        assertRefused(zip(missingLines), "tenant.archive.invalid", tenant);

        // A record here with the same id as one in the archive: the import stops there and takes back what it wrote.
        Document study = Document.parse(entries.get("collections/studies.jsonl").lines().findFirst().orElseThrow());
        mongo.getCollection("studies").insertOne(new Document("_id", study.get("_id")).append("tenantId", "other"));
        assertRefused(out.toByteArray(), "tenant.archive.conflict", tenant);
        assertThat(everything(tenant)).as("nothing half-written").isEmpty();
        assertThat(mongo.getCollection("studies").countDocuments(new Document("_id", study.get("_id"))
                .append("tenantId", "other"))).isEqualTo(1);
        mongo.getCollection("studies").deleteOne(new Document("_id", study.get("_id")));

        // Only administrators: a tenant's own, to export; the platform's, to import.
        assertThatThrownBy(() -> trial.asClinician(() -> {
            try {
                return archive.export(new ByteArrayOutputStream());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asSystem("fudan", Set.of(PortalRole.TENANT_ADMIN), () -> importing(
                out.toByteArray()))).isInstanceOf(AccessDeniedException.class);
    }

    private void assertRefused(byte[] bytes, String key, String tenant) {
        Map<String, String> before = everything(tenant);
        long tenantsBefore = mongo.getCollection("tenants").countDocuments();
        assertThatThrownBy(() -> asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> importing(bytes)))
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused
                        .fieldMessageKeys()).containsEntry("archive", key));
        assertThat(everything(tenant)).isEqualTo(before);
        assertThat(mongo.getCollection("tenants").countDocuments()).isEqualTo(tenantsBefore);
    }

    private Map<String, Integer> importing(byte[] bytes) {
        return archive.importArchive(new ByteArrayInputStream(bytes));
    }

    private java.util.List<String> names(TrialFixture trial) {
        return trial.asClinician(() -> participants.participants(trial.studyId(), Pageable.unpaged()).getContent()
                .stream().map(p -> p.displayName()).sorted().toList());
    }

    /** The tenant as stored: its record, its documents, its files and their bytes. */
    private Map<String, String> everything(String tenant) {
        Map<String, String> all = new java.util.TreeMap<>(TenantSnapshot.of(mongo, tenant));
        Document record = mongo.getCollection("tenants").find(new Document("_id", tenant)).first();
        if (record != null) {
            all.put("tenants/" + tenant, record.toJson());
        }
        return all;
    }

    /** What the receiving installation never had: the tenant, its documents and files, removed past the portal. */
    private void erase(String tenant) {
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.startsWith("fs.")) {
                mongo.getCollection(collection).deleteMany(new Document("tenantId", tenant));
            }
        }
        for (Document file : mongo.getCollection("fs.files").find(new Document("metadata.tenantId", tenant))) {
            mongo.getCollection("fs.chunks").deleteMany(new Document("files_id", file.get("_id")));
        }
        mongo.getCollection("fs.files").deleteMany(new Document("metadata.tenantId", tenant));
        mongo.getCollection("tenants").deleteOne(new Document("_id", tenant));
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
