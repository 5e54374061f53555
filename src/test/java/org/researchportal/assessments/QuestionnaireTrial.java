package org.researchportal.assessments;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SignInWay;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.LinkSignIn;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.CareTeamService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * A fresh tenant running RE-MS's schedule, whose participants answer pain, stiffness, adherence and quality of life
 * themselves (grip stays the assessor's), with participants who have a phone account to answer with.
 */
public final class QuestionnaireTrial {

    /** A participant of the trial and the account she signs in with. */
    public record Answerer(String participantId, String accountId, String username) {}

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ApplicationContext beans;
    private final TrialFixture trial;

    public QuestionnaireTrial(ApplicationContext beans) {
        this.beans = beans;
        trial = TrialFixture.create(beans.getBean(TenantService.class), beans.getBean(StudyService.class),
                beans.getBean(RandomisationService.class), DemoStudyDesigns.reMsRandomisation(), 24);
        as(PortalRole.TENANT_ADMIN, () -> {
            beans.getBean(StudyService.class).configureSchedule(trial.studyId(), DemoStudyDesigns.reMsSchedule());
            return null;
        });
    }

    public String tenantId() {
        return trial.tenantId();
    }

    public String studyId() {
        return trial.studyId();
    }

    /** The trial's today, where its participants live. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Screened, consented and randomised today, with an account linked by the clinician. */
    public Answerer randomised(String name) {
        String id = trial.asClinician(() -> trial.randomised(beans.getBean(ScreeningService.class),
                beans.getBean(ConsentService.class), beans.getBean(RandomisationService.class), TrialFixture
                        .candidate(name, "+8613800138000", "answerer@example.org")));
        String[] account = account(name);
        trial.asClinician(() -> beans.getBean(CareTeamService.class).linkAccount(id, account[0]));
        return new Answerer(id, account[0], account[1]);
    }

    /** Brought in from an earlier system, enrolled some days ago, with her account. */
    public Answerer imported(String name, int enrolledDaysAgo) {
        String[] account = account(name);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        LocalDate enrolled = today().minusDays(enrolledDaysAgo);
        String id = trial.asClinician(() -> beans.getBean(ParticipantService.class).importRecord(
                new ParticipantImport(trial.studyId(), "SCR-" + suffix, "Q-" + suffix, name,
                        ParticipantStatus.ENROLLED, "EXERCISE", enrolled.minusDays(5), enrolled, null, null, null,
                        "en", ZONE.getId(), null, null, null, account[0])));
        return new Answerer(id, account[0], account[1]);
    }

    /** A participant account of the tenant, not (yet) any participant's: its id and username. */
    public String[] account(String name) {
        String username = trial.tenantId() + ".p" + UUID.randomUUID().toString().substring(0, 6);
        String accountId = as(PortalRole.TENANT_ADMIN, () -> beans.getBean(AccountService.class).create(
                new NewAccount(username, name, null, "en", Set.of(PortalRole.PARTICIPANT), PortalTest.PASSWORD))
                .id());
        return new String[] {accountId, username};
    }

    /** A member of the site with one role and a password, who lives in the trial's time zone; answers the username. */
    public String person(PortalRole role) {
        String username = trial.tenantId() + "." + role.name().toLowerCase() + UUID.randomUUID().toString()
                .substring(0, 4);
        as(PortalRole.TENANT_ADMIN, () -> beans.getBean(AccountService.class).create(new NewAccount(username,
                "Site " + role.name().toLowerCase(), null, "en", Set.of(role), PortalTest.PASSWORD)));
        return username;
    }

    /**
     * Signs her in as a questionnaire link does, saying how she proved who she is, and makes that sign-in this
     * thread's: the principal production builds.
     */
    public SecurityContext signInByLink(Answerer who, SignInWay way) {
        var request = new MockHttpServletRequest();
        if (!beans.getBean(LinkSignIn.class).signIn(trial.tenantId(), who.accountId(), way, request,
                new MockHttpServletResponse())) {
            throw new IllegalStateException("The link did not sign her in");
        }
        SecurityContext context = (SecurityContext) request.getSession().getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.setContext(context);
        return context;
    }

    public <T> T as(PortalRole role, Supplier<T> work) {
        return SystemActor.callAs("test-" + role.name().toLowerCase(), trial.tenantId(), EnumSet.of(role), work);
    }
}
