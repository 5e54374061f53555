package org.researchportal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exports: CSV with a dictionary that describes every column, ODM that validates against the official schema, and
 * nothing of the arm in a blinded export.
 */
class StudyExportsTests extends PortalTest {

    @Autowired
    StudyExports exports;
    @Autowired
    StudyService studies;

    private String csv(String user) {
        signIn(user);
        var out = new StringWriter();
        exports.csv(studies.studies().getFirst().id(), out);
        return out.toString();
    }

    private String odm(String user) {
        signIn(user);
        var out = new ByteArrayOutputStream();
        exports.odm(studies.studies().getFirst().id(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theClinicianCsvHasARowPerParticipantAndTimepointWithTheArm() {
        List<String> lines = csv("fudan.clinician").lines().toList();
        assertThat(lines.getFirst()).startsWith(
                "study_number,status,enrolled_on,arm,timepoint,visit_status,visit_reason,bpi_sf.assessed_on");
        assertThat(lines).hasSize(1 + 8 * 3);
        assertThat(String.join("\n", lines)).contains("Exercise", "Control").doesNotContain("Zhang Demo", "+86");
    }

    @Test
    void theAssessorExportsCarryNoArm() {
        String csv = csv("fudan.assessor");
        assertThat(csv.lines().findFirst().orElseThrow()).doesNotContain("arm");
        assertThat(csv).doesNotContain("Exercise").doesNotContain("Control");
        String odm = odm("fudan.assessor");
        assertThat(odm).doesNotContain("I.ENROLMENT.ARM").doesNotContain("Exercise").doesNotContain("Control");
    }

    @Test
    void theDictionaryDescribesEveryColumn() {
        signIn("fudan.clinician");
        var dictionary = new StringWriter();
        exports.dictionary(studies.studies().getFirst().id(), dictionary);
        List<String> described = dictionary.toString().lines().skip(1).map(l -> l.split(",", 2)[0]).toList();
        List<String> columns = Arrays.asList(csv("fudan.clinician").lines().findFirst().orElseThrow().split(","));
        assertThat(described).containsExactlyElementsOf(columns);
    }

    @Test
    void theOdmExportValidatesAgainstTheOfficialSchema() throws Exception {
        var validator = OdmSchema.validator();
        for (String user : List.of("fudan.clinician", "fudan.assessor")) {
            String odm = odm(user);
            validator.validate(new StreamSource(new ByteArrayInputStream(odm.getBytes(StandardCharsets.UTF_8))));
            assertThat(odm).contains("ODMVersion=\"1.3.2\"", "SubjectKey=\"RE-MS-001\"",
                    "ItemOID=\"I.BPI_SF.WORST\"");
        }
    }

    /**
     * The demo study's archive (its programme adherence, follow-up calls, and entries made by people and by the system)
     * validates too, and every value of an instrument form in it has an audit record: the trail replays to the data.
     */
    @Test
    void theDemoStudysArchiveValidatesAndEveryInstrumentValueHasItsAuditRecord() throws Exception {
        signIn("fudan.clinician");
        var zipped = new ByteArrayOutputStream();
        exports.archive(studies.studies().getFirst().id(), java.time.Instant.now(), zipped);
        byte[] odm = null;
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zipped.toByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("odm.xml")) {
                    odm = zip.readAllBytes();
                }
            }
        }
        assertThat(odm).isNotNull();
        OdmSchema.validator().validate(new StreamSource(new ByteArrayInputStream(odm)));
        var document = OdmArchiveTests.parse(odm);
        var bpi = OdmArchiveTests.elements(document, "ItemData").stream()
                .filter(e -> e.getAttribute("ItemOID").startsWith("I.BPI_SF.")).toList();
        assertThat(bpi).isNotEmpty().allSatisfy(e -> assertThat(OdmArchiveTests.first(e, "AuditRecord"))
                .as(e.getAttribute("ItemOID")).isNotNull());
        assertThat(OdmArchiveTests.elements(document, "ItemGroupData")).anySatisfy(e -> assertThat(e
                .getAttribute("ItemGroupOID")).isEqualTo("IG.CALL"));
    }

    @Test
    void spreadsheetFormulasAreDefused() {
        assertThat(org.researchportal.base.Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(org.researchportal.base.Csv.cell("-2.5")).isEqualTo("-2.5");
        assertThat(org.researchportal.base.Csv.cell("-cmd")).isEqualTo("'-cmd");
        assertThat(org.researchportal.base.Csv.cell("a,b")).isEqualTo("\"a,b\"");
    }
}
