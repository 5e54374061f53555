package org.researchportal.assessments;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.base.security.SignInWay;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A fresh trial of its own tenant on RE-MS's schedule (BPI, stiffness, adherence and quality of life completed by the
 * participant), with participants who have a portal account and were enrolled 42 days ago: week 6's questionnaires
 * are open today. {@link #asHer} runs as one of them, signed in the way given, as the questionnaire link signs her in. Everyone here lives in UTC
 * (the system actors do), so "today" is one day for all.
 */
public record OwnAnswersFixture(TrialFixture trial) {

    /** A participant of the trial and her account. */
    public record Her(String participantId, String accountId, String studyNumber) {}

    public static OwnAnswersFixture create(TenantService tenants, StudyService studies,
            RandomisationService randomisation) {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns
                .reMsRandomisation(), 24);
        SystemActor.callAs("test", trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            studies.configureSchedule(trial.studyId(), DemoStudyDesigns.reMsSchedule());
            return null;
        });
        return new OwnAnswersFixture(trial);
    }

    public String tenantId() {
        return trial.tenantId();
    }

    public String studyId() {
        return trial.studyId();
    }

    /** A participant enrolled 42 days ago (in the arm given) with a participant's account. */
    public Her enrolledSixWeeksAgo(AccountService accounts, ParticipantService participants, String arm) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String account = as(PortalRole.TENANT_ADMIN, () -> accounts.create(new NewAccount(tenantId() + ".own-"
                + tag, "Own " + tag, null, "en", Set.of(PortalRole.PARTICIPANT), PortalTest.PASSWORD)).id());
        LocalDate today = today();
        String studyNumber = "OWN-" + tag;
        String id = as(PortalRole.CLINICIAN, () -> participants.importRecord(new ParticipantImport(studyId(),
                "SCR-" + tag, studyNumber, "Own " + tag, ParticipantStatus.ENROLLED, arm, today.minusDays(50), today
                        .minusDays(42), null, null, null, "en", "Asia/Shanghai", null, null, null, account)));
        return new Her(id, account, studyNumber);
    }

    /** The version of an instrument a new entry is drawn from. */
    public int version(AssessmentService assessments, Her her, String timepoint, String instrument) {
        return as(PortalRole.CLINICIAN, () -> assessments.entry(her.participantId(), timepoint, instrument)
                .orElseThrow().version());
    }

    /** Runs as the participant, signed in the way given (the link and a code by SMS, say). */
    public <T> T asHer(Her her, SignInWay way, Supplier<T> work) {
        PortalUser me = new PortalUser(her.accountId(), tenantId() + ".own", "Participant", tenantId(), null, Set.of(
                PortalRole.PARTICIPANT), Locale.ENGLISH, ZoneOffset.UTC);
        PortalPrincipal principal = new PortalPrincipal() {
            @Override
            public PortalUser portalUser() {
                return me;
            }

            @Override
            public SignInWay signInWay() {
                return way;
            }
        };
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, Set.of(
                new SimpleGrantedAuthority(PortalRole.PARTICIPANT.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Her BPI at week 6, answered herself after signing in by the link and an SMS code. */
    public AssessmentRecord answersBpi(AssessmentService assessments, Her her, Map<String, String> answers) {
        int version = version(assessments, her, "week_6", "bpi_sf");
        return asHer(her, SignInWay.LINK_AND_SMS_CODE, () -> assessments.answerOwn("week_6", "bpi_sf", version,
                answers));
    }

    /**
     * Today as the test's actors see it: the system actors {@link #as} runs as, and she in {@link #asHer}, are in UTC.
     */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public <T> T as(PortalRole role, Supplier<T> work) {
        return SystemActor.callAs("test", tenantId(), EnumSet.of(role), work);
    }
}
