package org.researchportal.exercise;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoManual;
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

/**
 * A tenant of its own for each test, with a study whose manual is the demo manual and one enrolled participant in
 * each arm (accounts signed in with the test password).
 */
abstract class ExerciseTrialTest extends PortalTest {

    static final Set<DayOfWeek> MON_WED_FRI = Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.FRIDAY);

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
    ParticipantProgramme ownProgramme;
    @Autowired
    SessionLogging sessionLogging;
    @Autowired
    ProgressFigures progressFigures;
    @Autowired
    ProgrammeAlerts programmeAlerts;
    @Autowired
    AuditTrail audit;
    @Autowired
    InactivitySweep sweep;

    String tenant;
    String study;
    String exerciser;
    String exerciserAccount;
    String controlAccount;
    LocalDate today;

    @BeforeEach
    void aStudyWithOneParticipantInEachArm() {
        tenant = "x" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN),
                () -> tenants.create(tenant, "Exercise test " + tenant, "Asia/Shanghai"));
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        study = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> studies.create(new StudyRecord("EXT",
                "Exercise test", null, List.of(new Arm("EXERCISE", "Exercise", ArmKind.INTERVENTION, "Programme"),
                        new Arm("CONTROL", "Control", ArmKind.CONTROL, "Standard guidance")), 10, null, null, null))
                .id());
        exerciserAccount = tenant + ".ex";
        controlAccount = tenant + ".ctl";
        String exId = account(exerciserAccount);
        String ctlId = account(controlAccount);
        exerciser = asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                enrolled("EX-1", "EXERCISE", exId)));
        asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                enrolled("CT-1", "CONTROL", ctlId)));
        asTherapist(() -> manuals.publishManual(study, DemoManual.exercises(), DemoManual.guidance(),
                List.of(DemoManual.standardProgramme()), true));
    }

    String account(String username) {
        return asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(username,
                "Participant " + username, null, "en", Set.of(PortalRole.PARTICIPANT), PASSWORD)).id());
    }

    ParticipantImport enrolled(String number, String arm, String account) {
        return new ParticipantImport(study, "SCR-" + number, number, "Participant " + number,
                ParticipantStatus.ENROLLED, arm, today.minusDays(30), today.minusDays(20), null, null, null, "en",
                "Asia/Shanghai", null, null, null, account);
    }

    <T> T asTherapist(Supplier<T> work) {
        return asSystem(tenant, EnumSet.of(PortalRole.THERAPIST), work);
    }

    List<String> history(String entityType, String id) {
        return asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> audit.history(entityType, id)).stream()
                .map(AuditEvent::getAction).toList();
    }

    Programme prescribeStandard() {
        return asTherapist(() -> prescriptions.prescribe(exerciser, "re_ms_standard", today, MON_WED_FRI,
                "Standard programme"));
    }

}
