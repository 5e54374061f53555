package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.StoredFile;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The archive at database lock, written when the lock is told (as the study's life publishes it, in the locking
 * monitor's request under the production security configuration): its ODM carries who changed a value, when and why,
 * and validates against the official schema; the SHA-256 kept is that of the file stored; only the monitor and the
 * tenant administrator list and download it.
 */
class LockArchiveTests extends UiTest {

    private static final String ODM = "http://www.cdisc.org/ns/odm/v1.3";
    private static final String REASON = "Transcription error: the source says 6";

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
    AccountService accounts;
    @Autowired
    AssessmentService assessments;
    @Autowired
    LockArchives archives;
    @Autowired
    MissedVisits missedVisits;
    @Autowired
    ApplicationEventPublisher events;

    private TrialFixture trial;
    private String assessor;
    private String monitor;

    @BeforeEach
    void aStudyWithAValueChangedForAReason() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            studies.configureSchedule(trial.studyId(), List.of(new Timepoint("baseline", "Baseline", "基线", 0, 14,
                    3, List.of("stiffness")), new Timepoint("week_6", "Week 6", "第6周", 42, 7, 7, List.of(
                            "stiffness"))));
            return null;
        });
        // She lives in UTC, as the tests' system actors do, so her enrolment day and today agree at any hour.
        String id = trial.asClinician(() -> trial.eligibleConsented(screening, consent, new NewCandidate(
                "Archived Participant", LocalDate.now().minusDays(3), null, null, "en", "UTC", null)));
        trial.asClinician(() -> randomisation.randomise(id, Map.of()));
        assessor = trial.account(accounts, "archive-assessor", "Ann Assessor", PortalRole.ASSESSOR);
        monitor = trial.account(accounts, "archive-monitor", "Mo Monitor", PortalRole.MONITOR);
        signInToUi(assessor);
        assessments.record(id, "baseline", "stiffness", LocalDate.now(), Map.of("stiffness", "4",
                "morning_minutes", "20"), null);
        assessments.record(id, "baseline", "stiffness", LocalDate.now(), Map.of("stiffness", "6",
                "morning_minutes", "20"), REASON);
        missedVisits.recordMissed(id, "week_6", MissedVisitRecord.Kind.NOT_DONE, "Hand injury: not measurable");
    }

    private LockArchiveRow lockedByTheMonitor(Instant at) {
        signInToUi(monitor);
        assertThat(SecurityContextHolder.getContextHolderStrategy())
                .isInstanceOf(VaadinAwareSecurityContextHolderStrategy.class);
        events.publishEvent(new StudyDatabaseLocked(trial.tenantId(), trial.studyId(), at, monitor));
        assertThat(CurrentUser.require().username()).as("the monitor's request is as it was").isEqualTo(monitor);
        return archives.archives(trial.studyId()).getFirst();
    }

    @Test
    void theArchiveCarriesWhoChangedAValueWhenAndWhyAndValidatesAgainstTheOfficialSchema() throws Exception {
        Instant lockedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LockArchiveRow row = lockedByTheMonitor(lockedAt);
        assertThat(row.lockedAt()).isEqualTo(lockedAt);
        assertThat(row.lockedBy()).isEqualTo(monitor);

        Map<String, byte[]> entries = unzipped(archives.download(row.id()));
        assertThat(entries).containsKeys("odm.xml", "data.csv", "dictionary.csv", "adverse_events.csv",
                "instruments_data_dictionary.csv");
        byte[] odm = entries.get("odm.xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(LockArchiveTests.class.getResource("/cdisc-odm-1.3.2/ODM1-3-2.xsd")).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(odm)));

        Document document = parse(odm);
        assertThat(document.getDocumentElement().getAttribute("Archival")).isEqualTo("Yes");
        List<Element> stiffness = elements(document, "ItemData").stream()
                .filter(e -> e.getAttribute("ItemOID").equals("I.STIFFNESS.STIFFNESS")).toList();
        assertThat(stiffness).extracting(e -> e.getAttribute("TransactionType") + " " + e.getAttribute("Value"))
                .containsExactly("Insert 4", "Update 6");
        String userOid = "U." + assessor.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_.-]", "_");
        Element entered = first(stiffness.get(0), "AuditRecord");
        Element changed = first(stiffness.get(1), "AuditRecord");
        assertThat(first(entered, "UserRef").getAttribute("UserOID")).isEqualTo(userOid);
        assertThat(first(entered, "ReasonForChange")).isNull();
        assertThat(first(changed, "UserRef").getAttribute("UserOID")).isEqualTo(userOid);
        assertThat(first(changed, "ReasonForChange").getTextContent()).isEqualTo(REASON);
        assertThat(Instant.parse(first(changed, "DateTimeStamp").getTextContent()))
                .isAfterOrEqualTo(Instant.parse(first(entered, "DateTimeStamp").getTextContent()))
                .isBefore(lockedAt.plusSeconds(1));
        Element user = elements(document, "User").stream().filter(u -> u.getAttribute("OID").equals(userOid))
                .findFirst().orElseThrow();
        assertThat(first(user, "FullName").getTextContent()).isEqualTo("Ann Assessor");
        // Every value of the form came from the trail: none written without its audit record.
        assertThat(elements(document, "ItemData")).filteredOn(e -> e.getAttribute("ItemOID").startsWith(
                "I.STIFFNESS.")).isNotEmpty().allSatisfy(e -> assertThat(first(e, "AuditRecord")).isNotNull());
        // A timepoint recorded as not done carries who recorded it, when and why, too.
        assertThat(elements(document, "ItemData")).filteredOn(e -> e.getAttribute("ItemOID").equals(
                "I.VISIT.REASON")).singleElement().satisfies(e -> {
                    assertThat(e.getAttribute("Value")).isEqualTo("Hand injury: not measurable");
                    assertThat(first(first(e, "AuditRecord"), "UserRef").getAttribute("UserOID")).isEqualTo(userOid);
                    assertThat(first(first(e, "AuditRecord"), "ReasonForChange").getTextContent())
                            .isEqualTo("Hand injury: not measurable");
                });
        // The analysis archive carries the arm.
        assertThat(elements(document, "ItemData")).anySatisfy(e -> assertThat(e.getAttribute("ItemOID"))
                .isEqualTo("I.ENROLMENT.ARM"));
    }

    @Test
    void theShaKeptIsThatOfTheFileStoredAndTheSameLockIsArchivedOnce() throws Exception {
        Instant lockedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LockArchiveRow row = lockedByTheMonitor(lockedAt);
        byte[] stored;
        try (InputStream in = archives.download(row.id()).open()) {
            stored = in.readAllBytes();
        }
        assertThat(row.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(stored)));
        assertThat(row.size()).isEqualTo(stored.length);

        events.publishEvent(new StudyDatabaseLocked(trial.tenantId(), trial.studyId(), lockedAt, monitor));
        assertThat(archives.archives(trial.studyId())).singleElement().extracting(LockArchiveRow::sha256)
                .isEqualTo(row.sha256());
    }

    @Test
    void onlyTheMonitorAndTheTenantAdministratorListAndDownloadArchives() {
        LockArchiveRow row = lockedByTheMonitor(Instant.now());
        for (PortalRole role : EnumSet.complementOf(EnumSet.of(PortalRole.MONITOR, PortalRole.TENANT_ADMIN,
                PortalRole.PLATFORM_ADMIN))) {
            assertThatThrownBy(() -> asSystem(trial.tenantId(), EnumSet.of(role), () -> archives.archives(
                    trial.studyId()))).as(role.name()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> asSystem(trial.tenantId(), EnumSet.of(role), () -> archives.download(row
                    .id()))).as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        StoredFile file = asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> archives.download(
                row.id()));
        assertThat(file.length()).isEqualTo(row.size());
    }

    @Test
    void theMonitorSeesTheArchiveWithItsShaAndDownloadsIt() {
        LockArchiveRow row = lockedByTheMonitor(Instant.now());
        com.vaadin.flow.component.UI.getCurrent().navigate("archives");
        com.vaadin.flow.component.grid.Grid<?> grid = com.github.mvysny.kaributesting.v10.LocatorJ._get(
                com.vaadin.flow.component.grid.Grid.class);
        assertThat(grid.getColumns()).extracting(c -> c.getHeaderText()).contains("Locked at", "Locked by", "Size",
                "SHA-256");
        assertThat(allCells(grid)).contains(monitor).anySatisfy(cell -> assertThat(cell).contains(row.sha256()));
        // The link as the grid renders it: a download of the archive's file.
        assertThat(allCells(grid)).anySatisfy(cell -> assertThat(cell).contains("Anchor[text='Download'", "href="));
    }

    private static Map<String, byte[]> unzipped(StoredFile file) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(file.open())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<Element> elements(Document document, String name) {
        var found = document.getElementsByTagNameNS(ODM, name);
        return java.util.stream.IntStream.range(0, found.getLength()).mapToObj(i -> (Element) found.item(i))
                .toList();
    }

    private static Element first(Element parent, String name) {
        return (Element) parent.getElementsByTagNameNS(ODM, name).item(0);
    }
}
