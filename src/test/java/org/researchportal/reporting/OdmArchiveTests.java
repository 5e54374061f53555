package org.researchportal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.StandardInstruments;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;
import org.springframework.data.domain.SliceImpl;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The archive's signatures and queries sit where ODM 1.3.2 allows them, and the file still validates against the
 * official schema: a signature on the signed form, on the whole timepoint, on an adverse event; a query's thread as
 * annotations on the item it questions, or on the subject when the archive does not carry the point; every user, site
 * and signature meaning they name defined in AdminData.
 */
class OdmArchiveTests {

    private static final Instant LOCK = Instant.parse("2026-12-01T10:00:00Z");

    private final ExportData data = new ExportData(new StudySummary("s1", "RE-MS", "RE-MS", null, List.of(), 24, null,
            null), false, List.of(new Timepoint("baseline", "Baseline", "基线", 0, 14, 3, List.of("stiffness"))),
            List.of(StandardInstruments.stiffness()), page -> new SliceImpl<>(List.of(new ExportSubject("p1", "S1",
                    "ENROLLED", LocalDate.of(2026, 1, 1), "Exercise"))), ids -> List.of(new AssessmentRecord("a1",
                            "p1", "baseline", "stiffness", 1, LocalDate.of(2026, 1, 2), Map.of("stiffness", "4"),
                            Map.of(), "assessor", Instant.parse("2026-01-02T08:00:00Z"))), ids -> List.of(),
            ids -> List.of(new AdverseEventRecord("ae1", "p1", new AdverseEventReport(LocalDate.of(2026, 2, 1),
                    "Fell", null, 1, false, AdverseEventReport.Relatedness.UNLIKELY,
                    AdverseEventReport.Action.NONE, AdverseEventReport.Outcome.ONGOING, null), false,
                    Instant.parse("2026-02-01T09:00:00Z"))), ids -> List.of(), ids -> List.of());

    private final ArchiveAdditions additions = new ArchiveAdditions() {
        @Override
        public List<Signed> signatures(String studyId, String participantId) {
            return List.of(
                    signed(ClinicalForm.instrument(studyId, participantId, "baseline", "stiffness"), "05:00:00"),
                    signed(ClinicalForm.instrument(studyId, participantId, "baseline", "*"), "05:10:00"),
                    signed(ClinicalForm.adverseEvent(studyId, participantId, "ae1"), "05:20:00"));
        }

        @Override
        public List<QueryThread> queries(String studyId, String participantId) {
            ClinicalForm stiffness = ClinicalForm.instrument(studyId, participantId, "baseline", "stiffness");
            return List.of(new QueryThread("Q-1", stiffness.item("stiffness"), List.of(
                    new Step("OPENED", "mo.monitor", "Mo Monitor", Instant.parse("2026-03-01T01:00:00Z"),
                            "Source says 6?", false),
                    new Step("ANSWERED", "ann.assessor", "Ann Assessor", Instant.parse("2026-03-02T01:00:00Z"),
                            "Corrected", true),
                    new Step("CLOSED", "mo.monitor", "Mo Monitor", Instant.parse("2026-03-03T01:00:00Z"), "Thanks",
                            false))),
                    new QueryThread("Q-2", ClinicalForm.consent(studyId, participantId).item("signedOn"), List.of(
                            new Step("OPENED", "mo.monitor", "Mo Monitor", Instant.parse("2026-03-04T01:00:00Z"),
                                    "Date?", false))));
        }

        private Signed signed(ClinicalForm form, String time) {
            return new Signed(form, "pi.li", "Li PI", Instant.parse("2026-04-01T" + time + "Z"), "PI_APPROVAL",
                    "Reviewed and approved", "The signer accepts responsibility for the accuracy of this data.");
        }
    };

    @Test
    void signaturesAndQueriesSitWhereTheSchemaAllowsThemAndTheArchiveValidates() throws Exception {
        var out = new ByteArrayOutputStream();
        OdmArchive.write(data, LOCK, id -> List.of(), additions, out);
        byte[] xml = out.toByteArray();
        OdmSchema.validator().validate(new StreamSource(new ByteArrayInputStream(xml)));

        Document odm = parse(xml);
        Element root = odm.getDocumentElement();
        assertThat(root.getAttribute("FileType")).isEqualTo("Transactional");
        assertThat(root.getAttribute("Archival")).isEqualTo("Yes");
        assertThat(root.getAttribute("AsOfDateTime")).isEqualTo("2026-12-01T10:00:00Z");

        List<Element> signatures = elements(odm, "Signature");
        assertThat(signatures).extracting(s -> ((Element) s.getParentNode()).getTagName())
                .containsExactly("FormData", "StudyEventData", "ItemGroupData");
        assertThat(((Element) signatures.get(2).getParentNode()).getAttribute("ItemGroupOID")).isEqualTo("IG.AE");
        assertThat(signatures).allSatisfy(s -> {
            assertThat(first(s, "UserRef").getAttribute("UserOID")).isEqualTo("U.PI.LI");
            assertThat(first(s, "SignatureRef").getAttribute("SignatureOID")).isEqualTo("SD.PI_APPROVAL");
        });
        Element signatureDef = elements(odm, "SignatureDef").getFirst();
        assertThat(first(signatureDef, "Meaning").getTextContent()).isEqualTo("Reviewed and approved");
        Element signer = elements(odm, "User").stream().filter(u -> u.getAttribute("OID").equals("U.PI.LI"))
                .findFirst().orElseThrow();
        assertThat(first(signer, "FullName").getTextContent()).isEqualTo("Li PI");

        List<Element> annotations = elements(odm, "Annotation");
        Element queried = (Element) annotations.getFirst().getParentNode();
        assertThat(queried.getTagName()).isEqualTo("ItemData");
        assertThat(queried.getAttribute("ItemOID")).isEqualTo("I.STIFFNESS.STIFFNESS");
        assertThat(first(queried, "AuditRecord").getElementsByTagNameNS(OdmWriting.NS, "UserRef").item(0)
                .getAttributes().getNamedItem("UserOID").getNodeValue()).isEqualTo("U.MO.MONITOR");
        assertThat(annotations.subList(0, 3)).extracting(a -> a.getAttribute("SeqNum")).containsExactly("1", "2",
                "3");
        assertThat(first(annotations.get(1), "Comment").getAttribute("SponsorOrSite")).isEqualTo("Site");
        assertThat(first(annotations.get(1), "Comment").getTextContent()).contains("[Q-1]", "ANSWERED",
                "Ann Assessor", "Corrected");
        assertThat(((Element) annotations.get(3).getParentNode()).getTagName()).isEqualTo("SubjectData");
        assertThat(first(annotations.get(3), "Comment").getTextContent()).contains("[Q-2]", "consent", "signedOn");

        // Every user, site and meaning referred to is defined (the schema does not check references).
        List<String> users = elements(odm, "User").stream().map(u -> u.getAttribute("OID")).toList();
        assertThat(elements(odm, "UserRef")).allSatisfy(r -> assertThat(users).contains(r.getAttribute("UserOID")));
        assertThat(elements(odm, "LocationRef")).allSatisfy(r -> assertThat(r.getAttribute("LocationOID"))
                .isEqualTo(elements(odm, "Location").getFirst().getAttribute("OID")));
    }

    @Test
    void theSameDataGiveTheSameBytes() throws Exception {
        var one = new ByteArrayOutputStream();
        var two = new ByteArrayOutputStream();
        OdmArchive.write(data, LOCK, id -> List.of(), additions, one);
        OdmArchive.write(data, LOCK, id -> List.of(), additions, two);
        assertThat(one.toByteArray()).isEqualTo(two.toByteArray());
        assertThat(one.toString(StandardCharsets.UTF_8)).contains("I.ENROLMENT.ARM");
    }

    static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> elements(Document odm, String name) {
        var found = odm.getElementsByTagNameNS(OdmWriting.NS, name);
        return java.util.stream.IntStream.range(0, found.getLength()).mapToObj(i -> (Element) found.item(i))
                .toList();
    }

    static Element first(Element parent, String name) {
        return (Element) parent.getElementsByTagNameNS(OdmWriting.NS, name).item(0);
    }
}
