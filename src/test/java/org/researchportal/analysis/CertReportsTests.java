package org.researchportal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoManual;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.exercise.SessionEntry;
import org.researchportal.exercise.SessionLogging;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;

/**
 * The CERT report of a study set up through the services: two participants of the exercise arm with a programme
 * each (every day from a week ago), one adjusted, sessions and a check-in logged by one, adverse events judged
 * related or not; and the team's text, written by the therapist and the clinician only.
 */
class CertReportsTests extends PortalTest {

    private static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    ExerciseManuals manuals;
    @Autowired
    Prescriptions prescriptions;
    @Autowired
    SessionLogging sessionLogging;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    CertReports reports;
    @Autowired
    AuditTrail audit;
    @Autowired
    MongoOperations mongo;

    String tenant;
    String study;
    String first;
    String second;
    String control;
    LocalDate today;

    @BeforeEach
    void aStudyWithTwoProgrammes() {
        tenant = "c" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN),
                () -> tenants.create(tenant, "CERT test " + tenant, "Asia/Shanghai"));
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        study = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> studies.create(new StudyRecord("CRT",
                "CERT test", null, List.of(new Arm("EXERCISE", "Exercise", ArmKind.INTERVENTION, "Programme"),
                        new Arm("CONTROL", "Control", ArmKind.CONTROL, "Standard guidance")), 10, null, null, null))
                .id());
        first = enrol("EX-1", "EXERCISE", tenant + ".ex1");
        second = enrol("EX-2", "EXERCISE", tenant + ".ex2");
        control = enrol("CT-1", "CONTROL", tenant + ".ct1");
        as(PortalRole.THERAPIST, () -> manuals.publishManual(study, DemoManual.exercises(), DemoManual.guidance(),
                List.of(DemoManual.standardProgramme()), true));
        String template = DemoManual.standardProgramme().code();
        as(PortalRole.THERAPIST, () -> prescriptions.prescribe(first, template, today.minusDays(7), EVERY_DAY,
                "Standard programme"));
        as(PortalRole.THERAPIST, () -> prescriptions.prescribe(second, template, today.minusDays(7), EVERY_DAY,
                "Standard programme"));
        ManualExercise adjusted = DemoManual.exercises().getFirst();
        as(PortalRole.THERAPIST, () -> prescriptions.adjust(first, adjusted.code(), adjusted.dosage(), 2,
                "Tolerating level 1 well"));
        signIn(tenant + ".ex1");
        sessionLogging.logSession(new SessionEntry(today.minusDays(2), List.of(adjusted.code()), 30, 4, 2, 2, null,
                false));
        sessionLogging.logSession(new SessionEntry(today, List.of(adjusted.code()), 20, 3, 2, 2, null, false));
        sessionLogging.checkIn(3, 2, false, null);
        as(PortalRole.CLINICIAN, () -> adverseEvents.report(first, event(AdverseEventReport.Relatedness.PROBABLE)));
        as(PortalRole.CLINICIAN, () -> adverseEvents.report(second, event(
                AdverseEventReport.Relatedness.NOT_RELATED)));
        as(PortalRole.CLINICIAN, () -> adverseEvents.report(control, event(AdverseEventReport.Relatedness.POSSIBLE)));
    }

    @Test
    void theReportIsFilledFromTheProgrammeDataWithTheRecordsBehindEachFigure() {
        CertReport report = as(PortalRole.STATISTICIAN, () -> reports.report(study));
        assertThat(report.entries()).extracting(e -> e.item().number()).containsExactly("1", "2", "3", "4", "5",
                "6", "7a", "7b", "8", "9", "10", "11", "12", "13", "14a", "14b", "15", "16a", "16b");
        int exercises = DemoManual.exercises().size();
        assertThat(entry(report, CertItem.ITEM_1).reported()).containsExactly(Phrase.of("cert.data.manual", 1,
                exercises));
        // One therapist prescribed both and adjusted one: three changes, one person.
        assertThat(entry(report, CertItem.ITEM_2).reported()).containsExactly(Phrase.of("cert.data.providers", 1L,
                2));
        assertThat(entry(report, CertItem.ITEM_2).sources()).hasSize(3);
        assertThat(entry(report, CertItem.ITEM_4).reported()).containsExactly(Phrase.of("cert.data.unsupervised",
                "7.0"));
        // Two sessions, both by EX-1; one check-in.
        assertThat(entry(report, CertItem.ITEM_5).reported()).containsExactly(Phrase.of(
                "cert.data.adherence-measured", 2, 1L, 1));
        assertThat(entry(report, CertItem.ITEM_5).sources()).contains(new FigureSource("CERT 5: sessions logged",
                "EX-1", "EXERCISE", "Session logs", "2"), new FigureSource("CERT 5: sessions logged", "EX-2",
                        "EXERCISE", "Session logs", "0"));
        // One adjustment, in one of two programmes, from level 1 to 2.
        assertThat(entry(report, CertItem.ITEM_7B).reported()).containsExactly(Phrase.of("cert.data.progressed", 1,
                1L, 2, 1));
        assertThat(entry(report, CertItem.ITEM_7B).sources()).singleElement().satisfies(s -> {
            assertThat(s.participant()).isEqualTo("EX-1");
            assertThat(s.value()).isEqualTo("level 1 -> 2");
        });
        assertThat(entry(report, CertItem.ITEM_8).reported()).hasSize(1 + exercises);
        assertThat(entry(report, CertItem.ITEM_9).reported()).containsExactly(Phrase.of("cert.data.template",
                DemoManual.standardProgramme().name(), DemoManual.standardProgramme().exercises().size(),
                DemoManual.standardProgramme().sessionsPerWeek(), 2));
        // Related (possible or more) and in the exercise arm: EX-1's probable one; EX-2's is not related and the
        // control participant's is no programme's.
        assertThat(entry(report, CertItem.ITEM_11).reported()).containsExactly(Phrase.of(
                "cert.data.adverse-events", 1, 1L, 2L, 0L));
        assertThat(entry(report, CertItem.ITEM_11).sources()).singleElement().satisfies(s -> assertThat(s
                .participant()).isEqualTo("EX-1"));
        // Eight days each, from a week ago to today: 16 weeks/7 = 8/7 = 1.1 weeks; (30 + 20) / 2 = 25 minutes.
        assertThat(entry(report, CertItem.ITEM_13).reported()).containsExactly(Phrase.of("cert.data.dosage", 2,
                "7.0", "1.1", "25.0"));
        assertThat(entry(report, CertItem.ITEM_14A).reported()).containsExactly(Phrase.of("cert.data.tailored", 1,
                2));
        assertThat(entry(report, CertItem.ITEM_14B).reported()).containsExactly(Phrase.of("cert.data.tailoring", 1),
                Phrase.of("cert.data.reason", "Tolerating level 1 well", 1));
        // Every day from a week ago to today: 8 planned days each, 16 in all; EX-1 logged on 2 of them: 12.5%.
        assertThat(entry(report, CertItem.ITEM_16B).reported()).containsExactly(Phrase.of("cert.data.delivered", 2,
                16, "13"));
        assertThat(entry(report, CertItem.ITEM_16B).sources()).contains(new FigureSource(
                "CERT 16b: planned programme days", "EX-2", "EXERCISE", "Programme re_ms_standard from "
                        + today.minusDays(7) + " to " + today, "8"));
        // What only the team can know is not complete until it writes it: items 12 and every "both" item.
        assertThat(entry(report, CertItem.ITEM_12).reported()).isEmpty();
        assertThat(entry(report, CertItem.ITEM_12).complete()).isFalse();
        assertThat(entry(report, CertItem.ITEM_1).complete()).isFalse();
        assertThat(entry(report, CertItem.ITEM_5).complete()).isTrue();
        assertThat(report.completeCount()).isEqualTo(9);
        assertThat(report.sources()).noneMatch(s -> s.participant().equals("CT-1"));
    }

    @Test
    void theTeamCompletesAnItemOnceAtATimeAndTheTrailSaysSo() {
        CertTeamText written = as(PortalRole.THERAPIST, () -> reports.complete(study, "12", " At home, in a quiet"
                + " room with a chair and a mat. ", null));
        assertThat(written.text()).isEqualTo("At home, in a quiet room with a chair and a mat.");
        CertReport report = as(PortalRole.CLINICIAN, () -> reports.report(study));
        assertThat(entry(report, CertItem.ITEM_12).team()).isEqualTo(written);
        assertThat(entry(report, CertItem.ITEM_12).complete()).isTrue();
        assertThat(report.completeCount()).isEqualTo(10);

        // The clinician changes it from the version read; a change from an older version is refused.
        CertTeamText changed = as(PortalRole.CLINICIAN, () -> reports.complete(study, "12", "At home.",
                written.version()));
        assertThat(changed.version()).isGreaterThan(written.version());
        assertThatThrownBy(() -> as(PortalRole.THERAPIST, () -> reports.complete(study, "12", "Meanwhile",
                written.version()))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e
                        .fieldMessageKeys()).containsEntry("text", "cert.changed-meanwhile"));
        assertThatThrownBy(() -> as(PortalRole.THERAPIST, () -> reports.complete(study, "12", "A second first",
                null))).isInstanceOf(ValidationException.class);

        String id = mongo.findOne(Query.query(Criteria.where("studyId").is(study).and("item").is("12")),
                CertText.class).requireId();
        List<AuditEvent> trail = as(PortalRole.TENANT_ADMIN, () -> audit.history(CertReports.ENTITY, id));
        assertThat(trail).extracting(AuditEvent::getAction).containsOnly("cert.team-text-written").hasSize(2);
        assertThat(as(PortalRole.CLINICIAN, () -> reports.report(study)).entries().get(12).team().text())
                .isEqualTo("At home.");
    }

    @Test
    void badTextIsRefusedAtItsFieldAndNothingIsWritten() {
        assertThatThrownBy(() -> as(PortalRole.THERAPIST, () -> reports.complete(study, "12", "x".repeat(
                CertReports.MAX_TEXT + 1), null))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsOnlyKeys("text"));
        assertThatThrownBy(() -> as(PortalRole.THERAPIST, () -> reports.complete(study, "17", "Text", null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsOnlyKeys("item"));
        assertThat(mongo.count(Query.query(Criteria.where("studyId").is(study)), CertText.class)).isZero();
    }

    @Test
    void theStatisticianReadsOnlyBlindedRolesReadNothingAndAnotherTenantsStudyIsNotFound() {
        assertThatThrownBy(() -> as(PortalRole.STATISTICIAN, () -> reports.complete(study, "12", "Home", null)))
                .isInstanceOf(AccessDeniedException.class);
        for (PortalRole blinded : List.of(PortalRole.ASSESSOR, PortalRole.MONITOR, PortalRole.COORDINATOR)) {
            assertThatThrownBy(() -> as(blinded, () -> reports.report(study))).isInstanceOf(
                    AccessDeniedException.class);
        }
        assertThatThrownBy(() -> asSystem("fudan", Set.of(PortalRole.CLINICIAN), () -> reports.report(study)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asSystem("fudan", Set.of(PortalRole.THERAPIST), () -> reports.complete(study, "12",
                "Home", null))).isInstanceOf(NotFoundException.class);
        assertThat(mongo.count(Query.query(Criteria.where("studyId").is(study)), CertText.class)).isZero();
    }

    private static CertEntry entry(CertReport report, CertItem item) {
        return report.entries().stream().filter(e -> e.item() == item).findFirst().orElseThrow();
    }

    private AdverseEventReport event(AdverseEventReport.Relatedness relatedness) {
        return new AdverseEventReport(today.minusDays(1), "Sore knee after exercising", "Left knee", 1, false,
                relatedness, AdverseEventReport.Action.NONE, AdverseEventReport.Outcome.RECOVERING, null);
    }

    private String enrol(String number, String arm, String username) {
        String account = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(
                username, "Participant " + username, null, "en", Set.of(PortalRole.PARTICIPANT), PASSWORD)).id());
        return asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(new ParticipantImport(
                study, "SCR-" + number, number, "Participant " + number, ParticipantStatus.ENROLLED, arm,
                today.minusDays(30), today.minusDays(20), null, null, null, "en", "Asia/Shanghai", null, null, null,
                account)));
    }

    private <T> T as(PortalRole role, Supplier<T> work) {
        return asSystem(tenant, Set.of(role), work);
    }
}
