package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueQuestionnaire;
import org.researchportal.assessments.Questionnaires;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.CareTeamService;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.quality.StudyLifecycle;
import org.researchportal.study.QuestionnaireSettings;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A participant is invited to answer a timepoint's questionnaires the day its window opens and reminded on the
 * study's reminder days, at her reminder time, out of her quiet hours, in her language, with a link to that
 * timepoint's questionnaires and no health words; answering stops what is pending at once (under the production
 * security configuration: she answers in her own Vaadin request, the planner follows up as the system); a locked
 * study plans nothing.
 */
class QuestionnaireInvitationTests extends UiTest {

    /** Words an SMS must not carry: instruments, symptoms, treatment, the study. */
    private static final List<String> HEALTH_WORDS = List.of("stiffness", "pain", "bpi", "adherence", "aromatase",
            "quality of life", "exercise", "cancer", "TEST", "僵", "疼", "痛", "依从", "生活质量", "运动", "癌");

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
    CareTeamService careTeam;
    @Autowired
    AssessmentService assessments;
    @Autowired
    Questionnaires questionnaires;
    @Autowired
    StudyLifecycle lifecycle;
    @Autowired
    ReminderPlanner planner;
    @Autowired
    Outbox outbox;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    GreenMail greenMail;
    @Autowired
    SmtpEmail email;
    @Autowired
    OutboxRecords records;
    @Autowired
    MessagingSettingsService settings;
    @Autowired
    SmsReplies replies;
    @Autowired
    org.researchportal.participants.ParticipantContacts contacts;
    @Autowired
    Clock clock;

    private TrialFixture trial;

    /**
     * Baseline's window opens at consent (before randomisation); week 1's two days after enrolment, closing ten days
     * after it is due. The participant answers the stiffness questionnaire herself at both; grip stays the assessor's.
     */
    @BeforeEach
    void aStudyWithQuestionnaires() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> {
            studies.configureSchedule(trial.studyId(), List.of(
                    new Timepoint("baseline", "Baseline", "基线", 0, 14, 3, List.of("stiffness", "grip"),
                            List.of("stiffness")),
                    new Timepoint("week_1", "Week 1", "第1周", 3, 1, 10, List.of("stiffness", "grip"),
                            List.of("stiffness"))));
            return studies.configureQuestionnaires(trial.studyId(), new QuestionnaireSettings(List.of(1, 3),
                    QuestionnaireSettings.IdentityCheck.SMS_CODE));
        });
    }

    /** A randomised participant with her phone account (the link of an invitation signs into it). */
    private String randomised(String name, String language, String zone) {
        String id = randomisedWithoutAccount(name, language, zone);
        withAccount(id, name);
        return id;
    }

    private void withAccount(String id, String name) {
        String username = trial.account(accounts, "p", name, PortalRole.PARTICIPANT);
        String account = asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> accounts.accounts(
                org.springframework.data.domain.Pageable.unpaged()).stream().filter(a -> a.username().equals(
                        username)).findFirst().orElseThrow().id());
        trial.doAsClinician(() -> careTeam.linkAccount(id, account));
    }

    private String randomisedWithoutAccount(String name, String language, String zone) {
        return trial.asClinician(() -> trial.randomised(screening, consent, randomisation, new NewCandidate(name,
                LocalDate.now().minusDays(3), "+8613800138000", "q@example.org", language, zone, null)));
    }

    @Test
    void aParticipantWithoutAPhoneAccountIsNotSentALinkSheCannotOpen() {
        String id = randomisedWithoutAccount("No Account", "en", "Asia/Shanghai");
        plan();
        assertThat(messagesOf(id, "baseline")).isEmpty();
        assertThat(messagesOf(id, "week_1")).isEmpty();
    }

    private int plan() {
        return asSystem(trial.tenantId(), EnumSet.of(PortalRole.COORDINATOR, PortalRole.CLINICIAN), planner::planAll);
    }

    private List<OutboxMessage> messagesOf(String participantId, String timepoint) {
        return asSystem(trial.tenantId(), EnumSet.of(PortalRole.COORDINATOR), () -> outbox.messagesOf(
                participantId)).stream().filter(m -> m.getIdempotencyKey().startsWith("questionnaire:" + participantId
                        + ":" + timepoint + ":")).toList();
    }

    private DueQuestionnaire questionnaire(String participantId, String timepoint) {
        return asSystem(trial.tenantId(), EnumSet.of(PortalRole.COORDINATOR), () -> questionnaires.ofStudy(trial
                .studyId())).stream().filter(q -> q.participantId().equals(participantId) && q.timepoint().equals(
                        timepoint)).findFirst().orElseThrow();
    }

    private ParticipantLink linkOf(OutboxMessage message) {
        String token = SentText.of(message).replaceAll("(?s).*/l/([A-Za-z0-9_-]{43}).*", "$1");
        return mongo.findOne(Query.query(Criteria.where("tokenHash").is(ParticipantLinks.hash(token))),
                ParticipantLink.class);
    }

    @Test
    void aFreshParticipantIsInvitedTheDayHerWindowOpensAndRemindedOnTheStudysDaysByAnSmsWithoutHealthWords() {
        String id = randomised("Fresh Window", "en", "Asia/Shanghai");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate opens = questionnaire(id, "week_1").opensOn();

        assertThat(plan()).isPositive();
        assertThat(plan()).as("planning again adds nothing").isZero();

        List<OutboxMessage> week1 = messagesOf(id, "week_1");
        assertThat(week1).extracting(m -> m.getIdempotencyKey().replace("questionnaire:" + id + ":week_1:", ""))
                .containsExactlyInAnyOrder("invitation:SMS", "day-1:SMS", "day-3:SMS");
        assertThat(week1).allSatisfy(m -> {
            assertThat(m.getChannel()).isEqualTo(Channel.SMS);
            assertThat(m.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(m.getDueAt().atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(HEALTH_WORDS).noneSatisfy(word -> assertThat(m.getBody()).containsIgnoringCase(word));
            assertThat(m.bodyToSend()).contains("short questionnaire");
            assertThat(linkOf(m).location()).isEqualTo("my-questionnaires/week_1");
        });
        assertThat(week1).filteredOn(m -> m.getPurpose() == MessagePurpose.QUESTIONNAIRE_INVITATION).singleElement()
                .satisfies(m -> assertThat(m.getDueAt().atZone(zone).toLocalDate()).isEqualTo(opens));
        assertThat(week1).filteredOn(m -> m.getPurpose() == MessagePurpose.QUESTIONNAIRE_REMINDER)
                .extracting(m -> m.getDueAt().atZone(zone).toLocalDate())
                .containsExactlyInAnyOrder(opens.plusDays(1), opens.plusDays(3));
    }

    /** The administrator changes the reminder days: reminders pending on days no longer set are cancelled. */
    @Test
    void changedReminderDaysCancelThePendingRemindersOfDaysNoLongerSet() {
        String id = randomised("Changed Days", "en", "Asia/Shanghai");
        plan();
        asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> studies.configureQuestionnaires(trial
                .studyId(), new QuestionnaireSettings(List.of(2), QuestionnaireSettings.IdentityCheck.SMS_CODE)));
        plan();

        Map<String, OutboxMessage.Status> week1 = messagesOf(id, "week_1").stream().collect(
                java.util.stream.Collectors.toMap(m -> m.getIdempotencyKey().replace("questionnaire:" + id
                        + ":week_1:", ""), OutboxMessage::getStatus));
        assertThat(week1).containsExactlyInAnyOrderEntriesOf(Map.of("invitation:SMS", OutboxMessage.Status.PENDING,
                "day-2:SMS", OutboxMessage.Status.PENDING, "day-1:SMS", OutboxMessage.Status.CANCELLED,
                "day-3:SMS", OutboxMessage.Status.CANCELLED));
    }

    /**
     * Her baseline window opened at consent, before she was randomised: the invitation goes at once, but not in her
     * quiet hours (she lives where it is 23:00 now): at their end, 08:00, in Chinese, and no reminder follows the
     * same morning.
     */
    @Test
    void anInvitationWhoseDayHasPassedGoesAtTheEndOfHerQuietHoursInHerLanguage() {
        String late = zoneWhereItIs(23);
        String id = randomised("Late Evening", "zh-CN", late);
        ZoneId zone = ZoneId.of(late);

        plan();

        OutboxMessage invitation = messagesOf(id, "baseline").stream().filter(m -> m
                .getPurpose() == MessagePurpose.QUESTIONNAIRE_INVITATION).findFirst().orElseThrow();
        assertThat(invitation.getDueAt()).isAfter(Instant.now());
        assertThat(invitation.getDueAt().atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(invitation.bodyToSend()).contains("问卷").contains("/l/");
        assertThat(HEALTH_WORDS).noneSatisfy(word -> assertThat(invitation.getBody()).containsIgnoringCase(word));
        assertThat(linkOf(invitation).location()).isEqualTo("my-questionnaires/baseline");
        assertThat(messagesOf(id, "baseline")).filteredOn(m -> m.getPurpose() == MessagePurpose.QUESTIONNAIRE_REMINDER)
                .allSatisfy(m -> assertThat(m.getDueAt()).isAfterOrEqualTo(
                        invitation.getDueAt().plus(java.time.Duration.ofDays(1))));
    }

    /**
     * She answers in her own Vaadin request (the production security configuration): the pending invitation and
     * reminders of that timepoint are cancelled at once, by the system with the coordinator's authority, and she is
     * still herself afterwards; the other timepoint's stay.
     */
    @Test
    void answeringEverythingOfATimepointCancelsItsPendingMessagesAtOnce() {
        String username = trial.tenantId() + ".answers-" + UUID.randomUUID().toString().substring(0, 6);
        String account = asSystem(trial.tenantId(), EnumSet.of(PortalRole.TENANT_ADMIN), () -> accounts.create(
                new NewAccount(username, "Answers Herself", null, "en", Set.of(PortalRole.PARTICIPANT), PASSWORD))
                .id());
        String id = randomisedWithoutAccount("Answers Herself", "en", "UTC");
        trial.doAsClinician(() -> careTeam.linkAccount(id, account));
        plan();
        assertThat(messagesOf(id, "baseline")).isNotEmpty().allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(
                OutboxMessage.Status.PENDING));

        signInToUi(username);
        assessments.answerOwn("baseline", "stiffness", 1, Map.of("stiffness", "4", "morning_minutes", "20"));

        assertThat(org.researchportal.base.security.CurrentUser.require().username()).isEqualTo(username);
        assertThat(messagesOf(id, "baseline")).isNotEmpty().allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(
                OutboxMessage.Status.CANCELLED));
        assertThat(messagesOf(id, "week_1")).isNotEmpty().allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(
                OutboxMessage.Status.PENDING));
        assertThat(plan()).as("nothing of an answered timepoint is planned again").isZero();
    }

    /**
     * Without a phone, the invitation goes by email (she consented to both): a late one at midday in her zone goes at
     * once, over SMTP to the embedded mail server, with a link to the timepoint's questionnaires and no health words.
     */
    @Test
    void withoutAPhoneTheInvitationGoesByEmailOverSmtp() throws Exception {
        String zone = zoneWhereItIs(12);
        String id = trial.asClinician(() -> trial.randomised(screening, consent, randomisation, new NewCandidate(
                "Mail Only", LocalDate.now().minusDays(3), null, "mail-only@example.org", "en", zone, null)));
        withAccount(id, "Mail Only");
        plan();
        OutboxMessage invitation = messagesOf(id, "baseline").stream().filter(m -> m
                .getPurpose() == MessagePurpose.QUESTIONNAIRE_INVITATION).findFirst().orElseThrow();
        assertThat(invitation.getChannel()).isEqualTo(Channel.EMAIL);
        assertThat(invitation.getDueAt()).isBeforeOrEqualTo(Instant.now());

        int before = greenMail.getReceivedMessages().length;
        var dispatcher = new OutboxDispatcher(records, settings, replies, contacts, outbox, List.of(email), clock,
                Duration.ofMinutes(2));
        asSystem(trial.tenantId(), EnumSet.of(PortalRole.COORDINATOR), () -> dispatcher.dispatchDue(10));

        MimeMessage received = greenMail.getReceivedMessages()[before];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("mail-only@example.org");
        assertThat(received.getSubject()).isEqualTo("A short questionnaire from your study team");
        String text = GreenMailUtil.getBody(received);
        assertThat(text).contains("/l/");
        assertThat(HEALTH_WORDS).noneSatisfy(word -> assertThat(invitation.getBody()).containsIgnoringCase(word));
    }

    /** A fixed-offset zone in which the local hour is now the one given. */
    private static String zoneWhereItIs(int hour) {
        int offset = hour - Instant.now().atZone(ZoneOffset.UTC).getHour();
        offset = offset > 14 ? offset - 24 : offset < -12 ? offset + 24 : offset;
        // Etc/GMT's signs are POSIX's: Etc/GMT-8 is eight hours ahead of UTC.
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    @Test
    void aLockedStudyPlansNoQuestionnaireMessages() {
        String id = randomised("Locked Out", "en", "Asia/Shanghai");
        // Locked as the monitor's lock leaves it (the lock itself waits for data this test does not make).
        mongo.insert(new org.bson.Document(Map.of("tenantId", trial.tenantId(), "studyId", trial.studyId(), "stage",
                "LOCKED", "changedAt", java.util.Date.from(Instant.now()), "changedBy", "test.monitor", "reason",
                "Analysis", "before", "FOLLOW_UP")), "study_lives");
        assertThat(asSystem(trial.tenantId(), EnumSet.of(PortalRole.COORDINATOR), () -> lifecycle.life(trial
                .studyId())).stage()).isEqualTo(org.researchportal.quality.StudyStage.LOCKED);

        plan();

        assertThat(messagesOf(id, "baseline")).isEmpty();
        assertThat(messagesOf(id, "week_1")).isEmpty();
    }
}
