package org.researchportal.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantFiles;
import org.springframework.beans.factory.annotation.Autowired;

/** Trial documents: type read from the bytes, versioned by title, opened only by the roles allowed, in the tenant. */
class TrialDocumentTests extends PortalTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TrialDocumentService documents;
    @Autowired
    StudyService studies;
    @Autowired
    TenantFiles files;

    private String lakesideStudy() {
        signIn("lakeside.clinician");
        return studies.studies().getFirst().id();
    }

    private static byte[] docx() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> refusal(Runnable upload) {
        try {
            upload.run();
        } catch (ValidationException e) {
            return e.fieldMessageKeys();
        }
        return Map.of();
    }

    @Test
    void uploadsUnderOneTitleBecomeVersionsAndConsentFormsOfferTheLatest() throws Exception {
        String study = lakesideStudy();
        var first = documents.upload(study, "STRIDE-K consent", TrialDocument.Kind.CONSENT_FORM, null,
                Set.of(PortalRole.CLINICIAN), "consent.pdf", PDF);
        var second = documents.upload(study, "STRIDE-K Consent", TrialDocument.Kind.CONSENT_FORM, "Ethics amendment",
                Set.of(PortalRole.CLINICIAN), "consent-v2.docx", docx());
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.contentType()).contains("wordprocessingml");
        assertThat(documents.consentForms(study)).extracting(DocumentRow::label).contains("STRIDE-K Consent v2")
                .doesNotContain("STRIDE-K consent v1");
        try (var in = documents.open(first.id()).open()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void theContentDecidesTheTypeAndTheSizeIsLimited() {
        String study = lakesideStudy();
        byte[] executable = "MZ\u0090\u0000this program cannot be run in DOS mode".getBytes(
                StandardCharsets.ISO_8859_1);
        assertThat(refusal(() -> documents.upload(study, "Renamed program", TrialDocument.Kind.OTHER, null,
                Set.of(PortalRole.CLINICIAN), "protocol.pdf", executable)))
                .containsEntry("file", "document.file.type");
        assertThat(refusal(() -> documents.upload(study, "Too big", TrialDocument.Kind.OTHER, null,
                Set.of(PortalRole.CLINICIAN), "big.pdf", new byte[TrialDocument.MAX_BYTES + 1])))
                .containsEntry("file", "document.file.size");
        assertThat(refusal(() -> documents.upload(study, " ", TrialDocument.Kind.OTHER, null, Set.of(),
                "x.pdf", PDF))).containsKeys("title", "allowedRoles");
    }

    @Test
    void aDeclaredOpenDocumentTypeMustBeARealOneAndTheExtensionFollowsTheContent() throws Exception {
        String study = lakesideStudy();
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("text/html".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(refusal(() -> documents.upload(study, "Fake ODF", TrialDocument.Kind.OTHER, null,
                Set.of(PortalRole.CLINICIAN), "page.odt", bytes.toByteArray())))
                .containsEntry("file", "document.file.type");
        var stored = documents.upload(study, "Named oddly", TrialDocument.Kind.OTHER, null,
                Set.of(PortalRole.CLINICIAN), "run-me.hta", PDF);
        assertThat(stored.fileName()).isEqualTo("run-me.pdf");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void onlyTheAllowedRolesOfTheTenantOpenADocument() {
        String study = lakesideStudy();
        var clinicalOnly = documents.upload(study, "Unblinded safety report", TrialDocument.Kind.OTHER, null,
                Set.of(PortalRole.CLINICIAN), "safety.pdf", PDF);
        String fileId = files.open(findFileId(clinicalOnly.id())).orElseThrow().id();

        signIn("lakeside.assessor");
        assertThat(documents.documents(study)).extracting(DocumentRow::id).doesNotContain(clinicalOnly.id());
        assertThatThrownBy(() -> documents.open(clinicalOnly.id())).isInstanceOf(NotFoundException.class);

        signIn("fudan.clinician");
        assertThatThrownBy(() -> documents.open(clinicalOnly.id())).isInstanceOf(NotFoundException.class);
        assertThat(files.open(fileId)).isEmpty();
        assertThat(files.open("not-an-object-id")).isEmpty();
    }

    /** The GridFS id behind a document, read as its tenant would. */
    private String findFileId(String documentId) {
        return documents.open(documentId).id();
    }
}
