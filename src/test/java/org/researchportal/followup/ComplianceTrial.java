package org.researchportal.followup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;

/**
 * A fresh study whose participants answer one questionnaire (stiffness) at week 1 (day 7, window 2 days before to 3
 * after) and week 4 (day 28, the same window), with a participant in each state at week 1, worked by hand:
 * <ul>
 * <li>Ann, enrolled 20 days ago, did not answer (window closed 10 days ago): missed; week 4 not open yet.</li>
 * <li>Bea, enrolled 20 days ago, answered on paper, entered by staff: completed.</li>
 * <li>Cai, enrolled 6 days ago: open (due tomorrow).</li>
 * <li>Dan, enrolled 9 days ago: late (due 2 days ago, window closes tomorrow).</li>
 * <li>Eve, enrolled 40 days ago: week 1 visit recorded missed by the assessor (not expected); week 4 answered.</li>
 * <li>Fay, enrolled 2 days ago: nothing open yet.</li>
 * <li>Gao, enrolled 20 days ago, did not answer either: missed (nobody's coordinator).</li>
 * </ul>
 * Ann's coordinator is Cora; nobody else has one. Each state holds for a day either way, so the figures are the
 * same whether "today" is the tenant's (Shanghai) or a system actor's (UTC). Cai has an account, to answer herself.
 */
public record ComplianceTrial(TrialFixture trial, String coraUsername, String coraAccountId, String ann, String bea,
        String cai, String caiAccountId, String dan, String eve, String fay, String gao) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Map<String, String> ANSWERS = Map.of("stiffness", "3", "morning_minutes", "10");

    public static ComplianceTrial create(TenantService tenants, StudyService studies,
            RandomisationService randomisation, ParticipantService participants, AccountService accounts,
            AssessmentService assessments, MissedVisits missedVisits) {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        String studyId = trial.studyId();
        List<String> stiffness = List.of("stiffness");
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> studies
                .configureSchedule(studyId, List.of(new Timepoint("week_1", "Week 1", "第1周", 7, 2, 3, stiffness,
                        stiffness), new Timepoint("week_4", "Week 4", "第4周", 28, 2, 3, stiffness, stiffness))));
        String cora = trial.tenantId() + ".cora";
        String coraId = SystemActor.callAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN),
                () -> accounts.create(new NewAccount(cora, "Cora Coordinator", null, "en",
                        Set.of(PortalRole.COORDINATOR), PortalTest.PASSWORD)).id());
        String caiAccount = SystemActor.callAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN),
                () -> accounts.create(new NewAccount(trial.tenantId() + ".cai", "Cai Open", null, "en",
                        Set.of(PortalRole.PARTICIPANT), PortalTest.PASSWORD)).id());
        LocalDate today = LocalDate.now(ZONE);
        String ann = imported(trial, participants, "A", "Ann Missed", today.minusDays(20), coraId, null);
        String bea = imported(trial, participants, "B", "Bea Paper", today.minusDays(20), null, null);
        String cai = imported(trial, participants, "C", "Cai Open", today.minusDays(6), null, caiAccount);
        String dan = imported(trial, participants, "D", "Dan Late", today.minusDays(9), null, null);
        String eve = imported(trial, participants, "E", "Eve Excused", today.minusDays(40), null, null);
        String fay = imported(trial, participants, "F", "Fay Upcoming", today.minusDays(2), null, null);
        String gao = imported(trial, participants, "G", "Gao Missed", today.minusDays(20), null, null);
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.ASSESSOR), () -> {
            assessments.record(bea, "week_1", "stiffness", today.minusDays(13), ANSWERS, null);
            missedVisits.recordMissed(eve, "week_1", MissedVisitRecord.Kind.MISSED, "In hospital");
            assessments.record(eve, "week_4", "stiffness", today.minusDays(12), ANSWERS, null);
        });
        return new ComplianceTrial(trial, cora, coraId, ann, bea, cai, caiAccount, dan, eve, fay, gao);
    }

    private static String imported(TrialFixture trial, ParticipantService participants, String letter, String name,
            LocalDate enrolledOn, @Nullable String coordinatorId, @Nullable String accountId) {
        return SystemActor.callAs("test", trial.tenantId(), EnumSet.of(PortalRole.CLINICIAN), () -> participants
                .importRecord(new ParticipantImport(trial.studyId(), "SCR-Q" + letter, "Q-0" + letter, name,
                        ParticipantStatus.ENROLLED, letter.compareTo("D") < 0 ? "EXERCISE" : "CONTROL",
                        enrolledOn.minusDays(7), enrolledOn, null, "+861380013800" + (letter.charAt(0) - 'A'), null,
                        "en", "Asia/Shanghai", null, null, coordinatorId, accountId)));
    }

    /** Cai answers her open week 1 questionnaire herself, signed in. */
    public void caiAnswersHerself(AssessmentService assessments) {
        SystemActor.callFor("test-participant", trial.tenantId(), caiAccountId, Set.of(PortalRole.PARTICIPANT),
                () -> assessments.answerOwn("week_1", "stiffness", 1, ANSWERS));
    }

    /** Enters Gao's week 1 answers from her paper form, after her window closed. */
    public void gaoAnswersOnPaper(AssessmentService assessments) {
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.ASSESSOR), () -> assessments.record(gao,
                "week_1", "stiffness", LocalDate.now(ZONE).minusDays(13), ANSWERS, null));
    }
}
