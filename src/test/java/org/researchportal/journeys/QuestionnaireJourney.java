package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.Respondent;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SignInWay;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.messaging.Channel;
import org.researchportal.messaging.MessagePurpose;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.messaging.ParticipantInvitations;
import org.researchportal.messaging.ReminderPlanner;
import org.researchportal.messaging.SentText;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant answers her own questionnaire on a 390 px phone, in Chinese: the invitation SMS from the outbox (no
 * health words in it), its link, the code sent to her phone, the Brief Pain Inventory answered part-way, the
 * connection dropped and the page reloaded, her answers still there, the rest answered and sent. The coordinator's
 * compliance shows it completed and the reminders of that timepoint are cancelled. A study of its own, whose baseline
 * window is open today and whose only self-reported instrument is the BPI.
 */
class QuestionnaireJourney extends BrowserJourney {

    private static final java.nio.file.Path SHOTS = java.nio.file.Path.of("target");
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/l/[A-Za-z0-9_-]{43}");
    private static final List<String> ITEMS = List.of("过去24小时最严重的疼痛", "过去24小时最轻的疼痛", "平均疼痛",
            "目前的疼痛");

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
    ParticipantInvitations invitations;
    @Autowired
    ReminderPlanner planner;
    @Autowired
    Outbox outbox;
    @Autowired
    AssessmentService assessments;

    @Test
    void aParticipantAnswersHerQuestionnaireOnHerPhoneAfterADroppedConnection() {
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns
                .reMsRandomisation(), 24);
        String tenant = trial.tenantId();
        String coordinator = trial.account(accounts, "coordinator", "Cora Coordinator", PortalRole.COORDINATOR);
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> {
            studies.configureSchedule(trial.studyId(), List.of(new Timepoint("baseline", "Baseline", "基线", 0, 14, 3,
                    List.of("bpi_sf", "grip"), List.of("bpi_sf"))));
            return null;
        });
        String participant = trial.asClinician(() -> {
            String id = trial.randomised(screening, consent, randomisation, new NewCandidate("王 问卷",
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2), "+8613912340000", null, "zh-CN",
                    "Asia/Shanghai", null));
            // Her account, as the clinician's "invite" button makes it.
            invitations.invite(id, Channel.SMS);
            return id;
        });

        // What the scheduled planning does every few hours (it is off in tests).
        asSystem(tenant, EnumSet.of(PortalRole.COORDINATOR, PortalRole.CLINICIAN), () -> planner.planAll());
        OutboxMessage invitation = messagesOf(tenant, participant).stream()
                .filter(m -> m.getPurpose() == MessagePurpose.QUESTIONNAIRE_INVITATION).findFirst().orElseThrow();
        String sms = SentText.of(invitation);
        assertThat(invitation.getChannel()).isEqualTo(Channel.SMS);
        assertThat(sms).as("the SMS says nothing of her health").doesNotContain("疼痛", "pain", "Pain", "BPI");
        Matcher link = LINK.matcher(sms);
        assertThat(link.find()).as("the invitation carries a signed link").isTrue();
        String path = link.group().replaceFirst("^https?://[^/]+/", "");

        BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true).setLocale("zh-CN"));
        try {
            Page mobile = phone.newPage();
            mobile.navigate(url(path));
            mobile.waitForURL(Pattern.compile(".*/identity-check$"));
            assertThat(mobile.getByText("请确认是您本人")).isVisible();
            assertThat(AccessibilityJourney.seriousViolations(mobile)).as("the check page, by axe-core").isEmpty();
            mobile.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("questionnaire-check.png")));
            String code = messagesOf(tenant, participant).stream()
                    .filter(m -> m.getPurpose() == MessagePurpose.IDENTITY_CODE).map(SentText::of).findFirst()
                    .orElseThrow().replaceAll("(?s).*?([0-9]{6}).*", "$1");
            mobile.getByLabel("验证码").fill(code);
            mobile.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("继续")).click();
            mobile.waitForURL(Pattern.compile(".*/my-questionnaires/baseline$"));

            mobile.getByText("开始").first().click();
            mobile.waitForURL(Pattern.compile(".*/my-questionnaires/baseline/bpi_sf$"));
            assertThat(mobile.getByText("简明疼痛量表（简表）").first()).isVisible();
            assertThat(AccessibilityJourney.seriousViolations(mobile)).as("the form, by axe-core").isEmpty();
            answer(mobile, ITEMS.get(0), "7");
            answer(mobile, ITEMS.get(1), "2");
            settle(mobile);

            // The connection drops mid-way (the lift, the tunnel): she taps on, then reloads once it is back.
            phone.setOffline(true);
            answer(mobile, ITEMS.get(2), "4");
            phone.setOffline(false);
            mobile.reload();
            mobile.locator(".questionnaire-items").waitFor();
            assertThat(checked(mobile, ITEMS.get(0))).as("kept before the drop").isEqualTo("7");
            assertThat(checked(mobile, ITEMS.get(1))).as("kept before the drop").isEqualTo("2");

            answer(mobile, ITEMS.get(2), "4");
            // The keyboard alone answers too: the arrows move along a scale and choose.
            mobile.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName(ITEMS.get(3)))
                    .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("0").setExact(true)).focus();
            for (int i = 0; i < 3; i++) {
                mobile.keyboard().press("ArrowRight");
            }
            settle(mobile);
            assertThat(checked(mobile, ITEMS.get(3))).as("chosen with the arrow keys").isEqualTo("3");
            mobile.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("questionnaire-form.png"))
                    .setFullPage(true));
            mobile.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交答案")).first().click();
            mobile.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions()
                            .setName("提交答案")).click();
            assertThat(mobile.getByText("您的答案已发送给研究团队。")).isVisible();
            assertThat((Number) mobile.evaluate("document.documentElement.scrollWidth")).as("nothing wider than "
                    + "the phone").matches(width -> width.intValue() <= 390);
        } finally {
            phone.close();
        }

        AssessmentRecord answered = asSystem(tenant, Set.of(PortalRole.ASSESSOR), () -> assessments.find(
                participant, "baseline", "bpi_sf")).orElseThrow();
        assertThat(answered.respondent()).isEqualTo(Respondent.PARTICIPANT);
        assertThat(answered.identifiedBy()).isEqualTo(SignInWay.LINK_AND_SMS_CODE);
        assertThat(answered.answers()).containsEntry("worst", "7").containsEntry("least", "2")
                .containsEntry("average", "4").containsEntry("now", "3");
        assertThat(messagesOf(tenant, participant)).as("nothing more asks her for the baseline")
                .filteredOn(m -> m.getPurpose() == MessagePurpose.QUESTIONNAIRE_INVITATION
                        || m.getPurpose() == MessagePurpose.QUESTIONNAIRE_REMINDER)
                .allSatisfy(m -> assertThat(m.getStatus()).isNotEqualTo(OutboxMessage.Status.PENDING));

        // The coordinator's dashboard counts it completed.
        signInAs(coordinator);
        open("coordinator");
        assertThat(page.getByText("Questionnaire compliance").first()).isVisible();
        assertThat(page.getByText("100%").first()).isVisible();
    }

    private List<OutboxMessage> messagesOf(String tenant, String participant) {
        return asSystem(tenant, EnumSet.of(PortalRole.COORDINATOR), () -> outbox.latest(500)).stream()
                .filter(m -> participant.equals(m.getParticipantId())).toList();
    }

    private static void answer(Page mobile, String question, String point) {
        mobile.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName(question))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(point).setExact(true)).check();
    }

    /** The point checked on a question's scale, as she sees it. */
    private static String checked(Page mobile, String question) {
        return String.valueOf(mobile.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName(question))
                .evaluate("g => { const r = g.querySelector('vaadin-radio-button[checked]');"
                        + " return r ? r.innerText.trim() : ''; }"));
    }
}
