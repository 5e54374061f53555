package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.analysis.CertReports;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.PortalRole;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/** The team's CERT text is documentation for the paper, not clinical data: it is still written after the lock. */
class CertAfterLockTests extends PortalTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    StudyLives lives;
    @Autowired
    ClinicalRecordLocks locks;
    @Autowired
    CertReports reports;

    @Test
    void theTeamStillCompletesTheCertReportOfALockedStudy() {
        String tenant = "l" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Lock " + tenant,
                "Asia/Shanghai"));
        String study = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> studies.create(new StudyRecord("LCK",
                "Locked", null, List.of(new Arm("EXERCISE", "Exercise", ArmKind.INTERVENTION, "Programme"),
                        new Arm("CONTROL", "Control", ArmKind.CONTROL, "Standard guidance")), 10, null, null, null))
                .id());
        asSystem(tenant, Set.of(PortalRole.MONITOR), () -> {
            lives.move(study, StudyStage.LOCKED, Instant.now(), "test", "Database lock");
            return null;
        });
        assertThat(asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> locks.studyLocked(study))).isTrue();

        var written = asSystem(tenant, Set.of(PortalRole.THERAPIST), () -> reports.complete(study, "2",
                "Physiotherapists trained in the manual for a day", null));
        assertThat(written.text()).isEqualTo("Physiotherapists trained in the manual for a day");
        assertThat(asSystem(tenant, Set.of(PortalRole.STATISTICIAN), () -> reports.report(study)).entries().get(1)
                .team()).isEqualTo(written);
    }
}
