package org.researchportal.assessments;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.researchportal.PortalTest;
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
import org.researchportal.tenancy.TenantService;

/**
 * A fresh tenant with RE-MS's schedule (pain, stiffness, adherence and quality of life answered by the participant)
 * and participants who sign in with a password, enrolled on the day asked: enrolled today, her baseline
 * questionnaires are open; the demo's participants have none open.
 */
public record QuestionnaireFixture(TrialFixture trial) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static QuestionnaireFixture create(TenantService tenants, StudyService studies,
            RandomisationService randomisation) {
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        SystemActor.runAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN),
                () -> studies.configureSchedule(trial.studyId(), DemoStudyDesigns.reMsSchedule()));
        return new QuestionnaireFixture(trial);
    }

    /** A participant enrolled that many days ago, with a sign-in in her language; answers her username. */
    public String participant(AccountService accounts, ParticipantService participants, String name,
            String language, int enrolledDaysAgo) {
        String username = "q-" + UUID.randomUUID().toString().substring(0, 8);
        String accountId = SystemActor.callAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN),
                () -> accounts.create(new NewAccount(username, name, null, language, Set.of(PortalRole.PARTICIPANT),
                        PortalTest.PASSWORD)).id());
        LocalDate today = LocalDate.now(ZONE);
        trial.asClinician(() -> participants.importRecord(new ParticipantImport(trial.studyId(),
                "SCR-" + username, "RE-" + username, name, ParticipantStatus.ENROLLED, "CONTROL",
                today.minusDays(enrolledDaysAgo + 7L), today.minusDays(enrolledDaysAgo), null, null, null, language,
                ZONE.getId(), null, null, null, accountId)));
        return username;
    }
}
