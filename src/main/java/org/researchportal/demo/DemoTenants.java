package org.researchportal.demo;

import static org.researchportal.base.security.PortalRole.ASSESSOR;
import static org.researchportal.base.security.PortalRole.CLINICIAN;
import static org.researchportal.base.security.PortalRole.COORDINATOR;
import static org.researchportal.base.security.PortalRole.MONITOR;
import static org.researchportal.base.security.PortalRole.PARTICIPANT;
import static org.researchportal.base.security.PortalRole.STATISTICIAN;
import static org.researchportal.base.security.PortalRole.TENANT_ADMIN;
import static org.researchportal.base.security.PortalRole.THERAPIST;
import static org.researchportal.participants.ParticipantStatus.ELIGIBLE;
import static org.researchportal.participants.ParticipantStatus.ENROLLED;
import static org.researchportal.participants.ParticipantStatus.NOT_ELIGIBLE;
import static org.researchportal.participants.ParticipantStatus.SCREENED;
import static org.researchportal.participants.ParticipantStatus.WITHDRAWN;

import java.util.List;
import java.util.Set;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyRecord;

/** The demo content: RE-MS at Fudan University, and an invented second institution so that tenancy is visible. */
final class DemoTenants {

    static final String PLATFORM_ADMIN = "platform.admin";

    private DemoTenants() {
    }

    static DemoTenant fudan() {
        var study = new StudyRecord("RE-MS",
                "Structured exercise for aromatase inhibitor-induced arthralgia in breast cancer survivors (pilot)",
                "NCT06754293",
                List.of(new Arm("EXERCISE", "Exercise", ArmKind.INTERVENTION,
                        "Home programme of aerobic warm-ups and functional training for hands, arms, shoulders, hips,"
                                + " legs and back, with an exercise manual and instructional videos", "运动组"),
                        new Arm("CONTROL", "Control", ArmKind.CONTROL,
                                "Standard guidance on endocrine therapy and general exercise, psychological"
                                        + " counselling, health education and monthly telephone follow-ups", "对照组")),
                24, "+86 21 0000 0000", "re-ms.team@example.org", null);
        var accounts = List.of(
                new DemoAccount("fudan.admin", "Admin Demo (Fudan)", "en", Set.of(TENANT_ADMIN)),
                new DemoAccount("fudan.clinician", "Dr Clinician Demo", "en", Set.of(CLINICIAN)),
                new DemoAccount("fudan.assessor", "Assessor Demo", "en", Set.of(ASSESSOR)),
                new DemoAccount("fudan.monitor", "Monitor Demo", "en", Set.of(MONITOR)),
                new DemoAccount("fudan.statistician", "Statistician Demo", "en", Set.of(STATISTICIAN)),
                new DemoAccount("fudan.therapist", "Therapist Demo", "en", Set.of(THERAPIST)),
                new DemoAccount("fudan.coordinator", "协调员 演示", "zh-CN", Set.of(COORDINATOR)),
                new DemoAccount("fudan.lead", "Lead Investigator Demo", "en", Set.of(CLINICIAN, THERAPIST)),
                new DemoAccount("fudan.participant", "Zhang Demo", "en", Set.of(PARTICIPANT)),
                new DemoAccount("fudan.participant2", "王 示例", "zh-CN", Set.of(PARTICIPANT)));
        var participants = List.of(
                new DemoParticipant("001", "Zhang Demo", ENROLLED, "EXERCISE", 130, 120, "en", "fudan.participant"),
                new DemoParticipant("002", "王 示例", ENROLLED, "CONTROL", 125, 115, "zh-CN", "fudan.participant2"),
                new DemoParticipant("003", "Li Example", ENROLLED, "EXERCISE", 100, 92, "zh-CN", null),
                new DemoParticipant("004", "Liu Fictional", ENROLLED, "CONTROL", 90, 84, "zh-CN", null),
                new DemoParticipant("005", "Chen Placeholder", ENROLLED, "EXERCISE", 60, 55, "en", null),
                new DemoParticipant("006", "Yang Dummy", WITHDRAWN, "EXERCISE", 80, 75, "zh-CN", null),
                new DemoParticipant("007", "Zhao Specimen", ENROLLED, "CONTROL", 35, 31, "zh-CN", null),
                new DemoParticipant("008", "Huang Imaginary", ENROLLED, "EXERCISE", 20, 14, "zh-CN", null),
                new DemoParticipant("009", "Zhou Madeup", ELIGIBLE, null, 6, 0, "zh-CN", null),
                new DemoParticipant("010", "Wu Pretend", NOT_ELIGIBLE, null, 9, 0, "zh-CN", null),
                new DemoParticipant("011", "Xu Notreal", SCREENED, null, 3, 0, "zh-CN", null),
                new DemoParticipant("012", "Sun Invented", SCREENED, null, 1, 0, "en", null));
        return new DemoTenant("fudan", "Fudan University", "Asia/Shanghai", "+86 138 0000 00", study,
                DemoStudyDesigns.reMsEligibility(), DemoStudyDesigns.reMsRandomisation(),
                DemoStudyDesigns::reMsScreening, DemoStudyDesigns.reMsSchedule(), accounts, participants);
    }

    static DemoTenant lakeside() {
        var study = new StudyRecord("STRIDE-K",
                "Supervised versus usual-care walking after total knee replacement (invented demo study)", "DEMO-0002",
                List.of(new Arm("SUPERVISED", "Supervised walking", ArmKind.INTERVENTION,
                        "Weekly supervised walking sessions with a home walking diary"),
                        new Arm("USUAL", "Usual care", ArmKind.CONTROL, "Usual post-operative advice")),
                16, "+44 7700 900000", "stride-k.team@example.org", null);
        var accounts = List.of(
                new DemoAccount("lakeside.admin", "Admin Demo (Lakeside)", "en", Set.of(TENANT_ADMIN)),
                new DemoAccount("lakeside.clinician", "Dr Lakeside Demo", "en", Set.of(CLINICIAN)),
                new DemoAccount("lakeside.assessor", "Lakeside Assessor Demo", "en", Set.of(ASSESSOR)),
                new DemoAccount("lakeside.monitor", "Lakeside Monitor Demo", "en", Set.of(MONITOR)),
                new DemoAccount("lakeside.statistician", "Lakeside Statistician Demo", "en", Set.of(STATISTICIAN)),
                new DemoAccount("lakeside.therapist", "Lakeside Therapist Demo", "en", Set.of(THERAPIST)),
                new DemoAccount("lakeside.coordinator", "Lakeside Coordinator Demo", "en", Set.of(COORDINATOR)),
                new DemoAccount("lakeside.participant", "Alex Sample", "en", Set.of(PARTICIPANT)));
        var participants = List.of(
                new DemoParticipant("L01", "Alex Sample", ENROLLED, "SUPERVISED", 70, 63, "en",
                        "lakeside.participant"),
                new DemoParticipant("L02", "Jordan Example", ENROLLED, "USUAL", 50, 44, "en", null),
                new DemoParticipant("L03", "Casey Demo", ENROLLED, "SUPERVISED", 30, 21, "en", null),
                new DemoParticipant("L04", "Morgan Placeholder", WITHDRAWN, "USUAL", 40, 35, "en", null),
                new DemoParticipant("L05", "Riley Fictional", ELIGIBLE, null, 4, 0, "en", null),
                new DemoParticipant("L06", "Taylor Testcase", SCREENED, null, 2, 0, "en", null));
        return new DemoTenant("lakeside", "Lakeside Rehabilitation Centre", "Europe/London", "+44 7911 1234", study,
                DemoStudyDesigns.strideEligibility(), DemoStudyDesigns.strideRandomisation(),
                DemoStudyDesigns::strideScreening, DemoStudyDesigns.strideSchedule(), accounts, participants);
    }
}
