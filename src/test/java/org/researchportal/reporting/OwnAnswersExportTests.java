package org.researchportal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.OwnAnswersFixture;
import org.researchportal.assessments.OwnAnswersFixture.Her;
import org.researchportal.base.Csv;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

/**
 * The exports say who answered each instrument, when, and how a participant answering herself was identified: her BPI
 * at week 6 (by the link and an SMS code) beside her stiffness entered by the assessor from her paper form. The CSV and
 * its dictionary, and the ODM (an item per instrument with a code list, validated against the schema), for the
 * clinician and the blinded assessor alike, with no arm for the assessor.
 */
class OwnAnswersExportTests extends PortalTest {

    @Autowired
    StudyExports exports;
    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    TenantService tenants;
    @Autowired
    RandomisationService randomisation;

    private OwnAnswersFixture trial;
    private Her her;
    private AssessmentRecord bpi;

    @BeforeEach
    void herBpiAnsweredHerselfAndHerStiffnessFromPaper() {
        trial = OwnAnswersFixture.create(tenants, studies, randomisation);
        her = trial.enrolledSixWeeksAgo(accounts, participants, "EXERCISE");
        bpi = trial.answersBpi(assessments, her, Map.of("worst", "6", "least", "2", "average", "4", "now", "3"));
        trial.as(PortalRole.ASSESSOR, () -> assessments.record(her.participantId(), "week_6", "stiffness",
                OwnAnswersFixture.today(), Map.of("stiffness", "4", "morning_minutes", "20"), null));
    }

    private List<Map<String, String>> csvRows(PortalRole role) {
        StringWriter out = new StringWriter();
        trial.as(role, () -> {
            exports.csv(trial.studyId(), out);
            return null;
        });
        List<String> lines = out.toString().lines().toList();
        List<String> header = Arrays.asList(lines.getFirst().split(",", -1));
        return lines.stream().skip(1).map(l -> {
            List<String> cells = Arrays.asList(l.split(",", -1));
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            return row;
        }).toList();
    }

    @Test
    void theCsvSaysWhoAnsweredWhenAndHowSheWasIdentifiedForTheClinicianAndTheBlindedAssessor() {
        for (PortalRole role : List.of(PortalRole.CLINICIAN, PortalRole.ASSESSOR)) {
            Map<String, String> week6 = csvRows(role).stream().filter(r -> r.get("study_number").equals(her
                    .studyNumber()) && r.get("timepoint").equals("week_6")).findFirst().orElseThrow();
            assertThat(week6).as(role.name()).containsEntry("bpi_sf.respondent", "participant")
                    .containsEntry("bpi_sf.answered_at", bpi.recordedAt().truncatedTo(
                            java.time.temporal.ChronoUnit.MILLIS).toString())
                    .containsEntry("bpi_sf.identified_by", "link_and_sms_code")
                    .containsEntry("stiffness.respondent", "staff").containsEntry("stiffness.identified_by", "")
                    .containsEntry("grip.respondent", "").containsEntry("grip.answered_at", "");
            assertThat(Instant.parse(week6.get("stiffness.answered_at"))).isAfterOrEqualTo(bpi.recordedAt());
            assertThat(week6.containsKey("arm")).isEqualTo(role == PortalRole.CLINICIAN);
        }
    }

    @Test
    void theDictionaryDescribesTheNewColumns() {
        StringWriter out = new StringWriter();
        trial.as(PortalRole.ASSESSOR, () -> {
            exports.dictionary(trial.studyId(), out);
            return null;
        });
        List<String> dictionary = out.toString().lines().toList();
        assertThat(dictionary).anySatisfy(l -> assertThat(l).startsWith("bpi_sf.respondent,").contains("participant",
                "staff")).anySatisfy(l -> assertThat(l).startsWith("bpi_sf.answered_at,").contains("datetime"))
                .anySatisfy(l -> assertThat(l).startsWith("bpi_sf.identified_by,").contains("link_and_sms_code",
                        "link_and_birth_year"));
        assertThat(Csv.cell("link_and_sms_code")).isEqualTo("link_and_sms_code");
    }

    @Test
    void theOdmCarriesThemAsCodedItemsAndValidates() throws Exception {
        for (PortalRole role : List.of(PortalRole.CLINICIAN, PortalRole.ASSESSOR)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            trial.as(role, () -> {
                exports.odm(trial.studyId(), out);
                return null;
            });
            OdmSchema.validator().validate(new StreamSource(new ByteArrayInputStream(out.toByteArray())));
            var odm = OdmArchiveTests.parse(out.toByteArray());
            assertThat(OdmArchiveTests.elements(odm, "ItemDef")).filteredOn(e -> e.getAttribute("OID").equals(
                    "I.BPI_SF.IDENTIFIED_BY")).singleElement().satisfies(e -> assertThat(OdmArchiveTests.first(e,
                            "CodeListRef").getAttribute("CodeListOID")).isEqualTo("CL.SIGN_IN_WAY"));
            assertThat(OdmArchiveTests.elements(odm, "CodeList")).extracting(e -> e.getAttribute("OID"))
                    .containsExactly("CL.RESPONDENT", "CL.SIGN_IN_WAY");
            Element subject = OdmArchiveTests.elements(odm, "SubjectData").stream().filter(e -> e.getAttribute(
                    "SubjectKey").equals(her.studyNumber())).findFirst().orElseThrow();
            Map<String, String> values = new java.util.HashMap<>();
            var items = subject.getElementsByTagNameNS("*", "ItemData");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                values.put(item.getAttribute("ItemOID"), item.getAttribute("Value"));
            }
            assertThat(values).as(role.name()).containsEntry("I.BPI_SF.RESPONDENT", "participant")
                    .containsEntry("I.BPI_SF.IDENTIFIED_BY", "link_and_sms_code")
                    .containsEntry("I.BPI_SF.ANSWERED_AT", bpi.recordedAt().truncatedTo(
                            java.time.temporal.ChronoUnit.MILLIS).toString())
                    .containsEntry("I.STIFFNESS.RESPONDENT", "staff").doesNotContainKey("I.STIFFNESS.IDENTIFIED_BY");
            String text = out.toString(StandardCharsets.UTF_8);
            if (role == PortalRole.ASSESSOR) {
                assertThat(text).doesNotContain("I.ENROLMENT.ARM").doesNotContain("Exercise");
            }
        }
    }

    /** The archive replays the audit trail: who answered comes from each entry's audit snapshot, and it validates. */
    @Test
    void theArchiveSaysWhoAnsweredAndValidates() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        trial.as(PortalRole.CLINICIAN, () -> {
            exports.archive(trial.studyId(), Instant.now(), zipped);
            return null;
        });
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
        var items = OdmArchiveTests.elements(OdmArchiveTests.parse(odm), "ItemData");
        assertThat(items).anySatisfy(e -> {
            assertThat(e.getAttribute("ItemOID")).isEqualTo("I.BPI_SF.IDENTIFIED_BY");
            assertThat(e.getAttribute("Value")).isEqualTo("link_and_sms_code");
            assertThat(OdmArchiveTests.first(e, "AuditRecord")).isNotNull();
        });
    }
}
