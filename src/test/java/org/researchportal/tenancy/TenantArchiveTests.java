package org.researchportal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SealedValues;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.identity.PasswordLinks;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;

/**
 * A tenant exported whole and imported into an installation that does not have it comes back as it was: every document
 * of every collection, every file and its bytes, the tenant itself; what the portal shows of it is the same, and the
 * import is in its trail with who imported it and the archive's digest. No password travels. An archive this
 * installation did not sign, one changed since, one that breaks the services' rules, or one that would inflate
 * beyond the limits is refused with nothing written.
 */
class TenantArchiveTests extends PortalTest {

    private static final String OLD_PASSWORD = "before-the-move-1";

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
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordLinks passwordLinks;
    @Autowired
    AuditTrail audit;
    @Autowired
    SealedValues sealed;
    @Autowired
    AuthenticationConfiguration authentication;

    @Test
    void aTenantExportedAndImportedElsewhereComesBackWholeAuditedAndWithoutPasswords() throws Exception {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String tenant = trial.tenantId();
        String randomised = trial.eligibleConsentedCandidate(screening, consent, "Archive Randomised 李");
        trial.doAsClinician(() -> randomisation.randomise(randomised, Map.of()));
        trial.eligibleConsentedCandidate(screening, consent, "Archive Candidate");
        byte[] handout = "%PDF-1.7 a handout".getBytes(StandardCharsets.US_ASCII);
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> files.store("handout.pdf", "application/pdf",
                handout, Map.of("kind", "test")));
        String admin = tenant + ".admin";
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(admin, "Ada Admin",
                null, "en", Set.of(PortalRole.TENANT_ADMIN), OLD_PASSWORD)));
        String clinician = tenant + ".clinician";
        String clinicianId = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(
                clinician, "Cleo Clinician", null, "en", Set.of(PortalRole.CLINICIAN), OLD_PASSWORD))).id();
        assertThat(signsIn(admin, OLD_PASSWORD)).isTrue();
        assertThatThrownBy(() -> asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.passwordLink(
                clinicianId))).as("no link for someone who has a password").isInstanceOf(ValidationException.class);
        Map<String, String> before = everything(tenant);
        var shownBefore = names(trial);

        byte[] exported = export(tenant);
        Map<String, String> entries = entries(exported);
        assertThat(String.join("\n", entries.values())).as("personal data stays sealed in the archive")
                .doesNotContain("Archive Randomised", "Archive Candidate").contains("sv1:");
        assertThat(String.join("\n", entries.values())).as("no password hash leaves the installation")
                .doesNotContain("passwordHash", "$2a$", "$2b$", "{bcrypt}");
        assertThat(List.copyOf(entries.keySet()).getLast()).isEqualTo(ArchiveSignature.ENTRY);

        // The other installation: it has never had this tenant.
        TenantSnapshot.erase(mongo, tenant);
        assertThat(everything(tenant)).isEmpty();

        signIn("platform.admin");
        ArchiveImport imported = archive.importArchive(new ByteArrayInputStream(exported));
        assertThat(imported.tenantId()).isEqualTo(tenant);
        assertThat(imported.counts()).containsEntry("participants", 2).containsEntry("files", 1);
        assertThat(imported.archiveSha256()).isEqualTo(sha256(exported));

        Map<String, String> after = everything(tenant);
        after.values().removeIf(json -> json.contains("\"action\": \"tenant.imported\""));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String key : before.keySet()) {
            if (key.startsWith("accounts/")) {
                Document was = Document.parse(before.get(key));
                was.remove("passwordHash");
                assertThat(after.get(key)).as(key).isEqualTo(was.toJson());
            } else if (key.startsWith("tenants/")) {
                // Created here by the import, whatever the other installation's record said.
                assertThat(Document.parse(after.get(key)).getString("createdBy")).isEqualTo("platform.admin");
                assertThat(Document.parse(after.get(key)).getString("name"))
                        .isEqualTo(Document.parse(before.get(key)).getString("name"));
            } else {
                assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
            }
        }
        assertThat(names(trial)).isEqualTo(shownBefore);
        StoredFile file = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> mongo.getCollection("fs.files")
                .find(new Document("metadata.tenantId", tenant)).map(d -> files.open(d.getObjectId("_id")
                        .toHexString()).orElseThrow()).first());
        assertThat(file).isNotNull();
        try (var in = file.open()) {
            assertThat(in.readAllBytes()).isEqualTo(handout);
        }

        // In the tenant's own trail: who imported it, when, and the digest of the archive file.
        AuditEvent entry = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> audit.history("Tenant", tenant))
                .stream().filter(e -> e.getAction().equals("tenant.imported")).findFirst().orElseThrow();
        assertThat(entry.getActor()).isEqualTo("platform.admin");
        assertThat(entry.getAfter()).containsEntry("archiveSha256", sha256(exported))
                .containsEntry("signedWithKey", sealed.currentKeyId()).containsEntry("participants", 2);

        // The old password does not come along: the administrator sets a new one on a link the platform gives.
        assertThat(signsIn(admin, OLD_PASSWORD)).isFalse();
        signIn("platform.admin");
        String link = tenants.renewAdministratorLink(tenant).orElseThrow().link();
        assertThat(passwordLinks.setPassword(link.substring(link.lastIndexOf('/') + 1), "after-the-move-1"))
                .contains(admin);
        assertThat(signsIn(admin, "after-the-move-1")).isTrue();
        // Their administrator gives the rest of the staff their links.
        assertThat(signsIn(clinician, OLD_PASSWORD)).isFalse();
        String clinicianLink = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.passwordLink(
                clinicianId)).link();
        assertThat(passwordLinks.setPassword(clinicianLink.substring(clinicianLink.lastIndexOf('/') + 1),
                "after-the-move-2")).contains(clinician);
        assertThat(signsIn(clinician, "after-the-move-2")).isTrue();

        // Once here, the same archive is refused, and nothing changes.
        assertRefused(exported, "tenant.archive.exists", tenant);
    }

    @Test
    void archivesThisInstallationDidNotSignOrCannotReadAreRefusedWithNothingWritten() throws IOException {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String tenant = trial.tenantId();
        trial.eligibleConsentedCandidate(screening, consent, "Refused Archive");
        byte[] exported = export(tenant);
        TenantSnapshot.erase(mongo, tenant);
        Map<String, String> entries = entries(exported);

        assertRefused("not a zip at all".getBytes(StandardCharsets.UTF_8), "tenant.archive.invalid", tenant);

        // Changed after the export, keeping the signature it came with.
        Map<String, String> tampered = new LinkedHashMap<>(entries);
        tampered.put("collections/participants.jsonl", entries.get("collections/participants.jsonl")
                .replace("\"status\": \"", "\"status\": \"X"));
        assertRefused(zip(tampered), "tenant.archive.signature", tenant);
        Map<String, String> unsigned = new LinkedHashMap<>(entries);
        unsigned.remove(ArchiveSignature.ENTRY);
        assertRefused(zip(unsigned), "tenant.archive.unsigned", tenant);
        Map<String, String> stranger = new LinkedHashMap<>(entries);
        stranger.put(ArchiveSignature.ENTRY, entries.get(ArchiveSignature.ENTRY)
                .replace(sealed.currentKeyId(), "0badc0de"));
        assertRefused(zip(stranger), "tenant.archive.unknown-signer", tenant);
        Map<String, String> afterSignature = new LinkedHashMap<>(entries);
        afterSignature.put("collections/extra.jsonl", "");
        assertRefused(zip(afterSignature), "tenant.archive.invalid", tenant);

        // Signed here, and still not readable here.
        Map<String, String> otherLookup = new LinkedHashMap<>(entries);
        otherLookup.put(TenantArchive.MANIFEST, entries.get(TenantArchive.MANIFEST)
                .replaceAll("\"lookupCheck\": \"[^\"]*\"", "\"lookupCheck\": \"another\""));
        assertRefused(signed(otherLookup), "tenant.archive.other-lookup-key", tenant);
        Map<String, String> unknownKey = new LinkedHashMap<>(entries);
        unknownKey.put(TenantArchive.MANIFEST, entries.get(TenantArchive.MANIFEST)
                .replace("\"keyIds\": [", "\"keyIds\": [\"0badc0de\", "));
        assertRefused(signed(unknownKey), "tenant.archive.unknown-key", tenant);
        Map<String, String> missingLines = new LinkedHashMap<>(entries);
        missingLines.put("collections/participants.jsonl", "");
        assertRefused(signed(missingLines), "tenant.archive.invalid", tenant);

        // A record here with the same id as one in the archive: the import stops there and takes back what it wrote.
        Document study = Document.parse(entries.get("collections/studies.jsonl").lines().findFirst().orElseThrow());
        mongo.getCollection("studies").insertOne(new Document("_id", study.get("_id")).append("tenantId", "other"));
        assertRefused(exported, "tenant.archive.conflict", tenant);
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
        assertThatThrownBy(() -> asSystem("fudan", Set.of(PortalRole.TENANT_ADMIN), () -> importing(exported)))
                .isInstanceOf(AccessDeniedException.class);
    }

    /**
     * What an attacker wrote into an archive is refused by the rules the services keep, even in an archive signed with
     * a key this installation holds: a platform role or a blinded assessor with another role, a record of another
     * tenant, a Twilio account another tenant here uses, a username taken here. Audit fields the archive forges are
     * not kept: the import records who imported.
     */
    @Test
    void whatTheServicesRefuseIsRefusedInAnArchiveEvenWhenSigned() throws Exception {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String tenant = trial.tenantId();
        trial.eligibleConsentedCandidate(screening, consent, "Forged Archive");
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(tenant + ".admin",
                "Ada Admin", null, "en", Set.of(PortalRole.TENANT_ADMIN), OLD_PASSWORD)));
        var neighbour = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String neighboursSid = "AC" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(neighbour.tenantId().getBytes(StandardCharsets.UTF_8)), 0, 16);
        mongo.getCollection("messaging_settings").insertOne(new Document("tenantId", neighbour.tenantId())
                .append("twilioAccountSid", neighboursSid).append("sealedAuthToken", sealed.seal("a".repeat(32)))
                .append("smsFrom", "+8613800000000").append("updatedBy", "test"));
        byte[] exported = export(tenant);
        TenantSnapshot.erase(mongo, tenant);
        Map<String, String> entries = entries(exported);
        String accountLines = entries.get("collections/accounts.jsonl");

        String platformRole = accountLine(tenant, "mallory", "\"PLATFORM_ADMIN\", \"TENANT_ADMIN\", \"CLINICIAN\"");
        assertRefused(zip(with(entries, "collections/accounts.jsonl", accountLines + platformRole)),
                "tenant.archive.signature", tenant);
        assertRefused(signed(with(entries, "collections/accounts.jsonl", accountLines + platformRole)),
                "tenant.archive.roles", tenant);
        String unblinded = accountLine(tenant, "eve.assessor", "\"ASSESSOR\", \"CLINICIAN\"");
        assertRefused(signed(with(entries, "collections/accounts.jsonl", accountLines + unblinded)),
                "tenant.archive.roles", tenant);
        String unknownRole = accountLine(tenant, "eve.root", "\"ROOT\"");
        assertRefused(signed(with(entries, "collections/accounts.jsonl", accountLines + unknownRole)),
                "tenant.archive.invalid", tenant);
        String takenName = accountLine(tenant, "platform.admin", "\"CLINICIAN\"");
        assertRefused(signed(with(entries, "collections/accounts.jsonl", accountLines + takenName)),
                "tenant.archive.username-taken", tenant);

        String otherTenants = "{\"_id\": \"forged-study\", \"tenantId\": \"fudan\", \"name\": \"Injected\"}\n";
        assertRefused(signed(with(entries, "collections/studies.jsonl", entries.get("collections/studies.jsonl")
                + otherTenants)), "tenant.archive.other-tenant", tenant);

        String sameTwilio = "{\"tenantId\": \"" + tenant + "\", \"twilioAccountSid\": \"" + neighboursSid
                + "\", \"sealedAuthToken\": \"" + sealed.seal("b".repeat(32))
                + "\", \"smsFrom\": \"+8613900000000\"}\n";
        assertRefused(signed(with(entries, "collections/messaging_settings.jsonl", sameTwilio)),
                "tenant.archive.provider-taken", tenant);

        // An instrument the designer would refuse: a score naming an item that is not there.
        String instruments = entries.get("collections/instrument_versions.jsonl");
        assertThat(instruments).contains("mean([worst],[least],[average],[now])");
        assertRefused(signed(with(entries, "collections/instrument_versions.jsonl", instruments.replace(
                "mean([worst],[least],[average],[now])", "mean([worst],[least],[average],[nowhere])"))),
                "tenant.archive.invalid", tenant);

        // Forged audit fields: the tenant was "created by the demo seed", an account "made by the system". Imported,
        // the tenant is the importer's and the account keeps only what accounts store.
        Map<String, String> forged = new LinkedHashMap<>(entries);
        forged.put(TenantArchive.MANIFEST, entries.get(TenantArchive.MANIFEST)
                .replaceAll("\"createdBy\": \"[^\"]*\"", "\"createdBy\": \"system:demo-seed\""));
        forged.put("collections/accounts.jsonl", accountLines.replace("\"username\":",
                "\"createdBy\": \"system:demo-seed\", \"username\":"));
        forged = with(forged, "collections/messaging_settings.jsonl", "{\"tenantId\": \"" + tenant
                + "\", \"emailFrom\": \"trial@example.org\", \"updatedBy\": \"system:demo-seed\"}\n");
        signIn("platform.admin");
        archive.importArchive(new ByteArrayInputStream(signed(forged)));
        assertThat(mongo.getCollection("tenants").find(new Document("_id", tenant)).first())
                .containsEntry("createdBy", "platform.admin");
        assertThat(mongo.getCollection("accounts").find(new Document("tenantId", tenant)).first())
                .doesNotContainKey("createdBy").doesNotContainKey("passwordHash");
        assertThat(mongo.getCollection("messaging_settings").find(new Document("tenantId", tenant)).first())
                .containsEntry("updatedBy", "platform.admin");
    }

    @Test
    void archivesThatWouldInflateBeyondTheLimitsAreRefusedAsTheyStream() throws IOException {
        String tenant = "bomb-" + Long.toHexString(System.nanoTime());
        // A gigabyte of line breaks packs into about a megabyte: counted as it inflates, it stops at the limit.
        var bomb = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bomb)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("collections/participants.jsonl"));
            byte[] breaks = new byte[1 << 20];
            java.util.Arrays.fill(breaks, (byte) '\n');
            for (long written = 0; written <= TenantArchive.LIMITS.uncompressedBytes(); written += breaks.length) {
                zip.write(breaks);
            }
            zip.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(16 << 20);
        assertRefused(bomb.toByteArray(), "tenant.archive.too-large", tenant);

        // One record longer than any document may be.
        var longLine = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(longLine)) {
            zip.putNextEntry(new ZipEntry("collections/participants.jsonl"));
            byte[] letters = new byte[1 << 20];
            java.util.Arrays.fill(letters, (byte) 'a');
            for (int written = 0; written <= TenantArchive.LIMITS.documentBytes(); written += letters.length) {
                zip.write(letters);
            }
            zip.closeEntry();
        }
        assertRefused(longLine.toByteArray(), "tenant.archive.too-large", tenant);

        // More entries than an archive may have.
        var entries = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(entries)) {
            for (int i = 0; i <= TenantArchive.LIMITS.entries(); i++) {
                zip.putNextEntry(new ZipEntry("collections/c" + i + ".jsonl"));
                zip.closeEntry();
            }
        }
        assertRefused(entries.toByteArray(), "tenant.archive.too-large", tenant);
    }

    private static String accountLine(String tenant, String username, String roles) {
        return "{\"tenantId\": \"" + tenant + "\", \"username\": \"" + username + "\", \"displayName\": \"Mallory\","
                + " \"language\": \"en\", \"roles\": [" + roles + "], \"active\": true,"
                + " \"passwordHash\": \"{bcrypt}$2a$10$abcdefghijklmnopqrstuv\","
                + " \"createdBy\": \"system:demo-seed\"}\n";
    }

    /** The archive with a collection's lines replaced, its manifest counting them (as an exporter would). */
    private static Map<String, String> with(Map<String, String> entries, String name, String content) {
        Map<String, String> changed = new LinkedHashMap<>(entries);
        changed.put(name, content);
        String collection = name.substring("collections/".length(), name.length() - ".jsonl".length());
        long lines = content.lines().filter(l -> !l.isBlank()).count();
        changed.put(TenantArchive.MANIFEST, entries.get(TenantArchive.MANIFEST).replaceAll(
                "\"" + collection + "\": (\\{\"\\$numberInt\": \"\\d+\"}|\\d+)",
                "\"" + collection + "\": " + lines));
        return changed;
    }

    private byte[] export(String tenant) {
        var out = new ByteArrayOutputStream();
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> {
            try {
                return archive.export(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return out.toByteArray();
    }

    private boolean signsIn(String username, String password) {
        try {
            return authentication.getAuthenticationManager().authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, password)).isAuthenticated();
        } catch (AuthenticationException refused) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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

    private ArchiveImport importing(byte[] bytes) {
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

    private static String sha256(byte[] bytes) throws java.security.NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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

    /** The entries as an installation holding this one's key would sign them: what only a key holder can forge. */
    private byte[] signed(Map<String, String> entries) throws IOException {
        var covered = new ArchiveSignature();
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                if (entry.getKey().equals(ArchiveSignature.ENTRY)) {
                    continue;
                }
                byte[] bytes = entry.getValue().getBytes(StandardCharsets.ISO_8859_1);
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(bytes);
                zip.closeEntry();
                try {
                    covered.add(entry.getKey(), MessageDigest.getInstance("SHA-256").digest(bytes));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
            zip.putNextEntry(new ZipEntry(ArchiveSignature.ENTRY));
            zip.write(covered.sign(sealed).toJson().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
