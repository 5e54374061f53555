package org.researchportal.messaging.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SignInWay;
import org.researchportal.identity.AccountService;
import org.researchportal.messaging.IdentityChecks;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.messaging.ParticipantLinks;
import org.researchportal.messaging.PendingCheck;
import org.researchportal.messaging.QuestionnaireLinkFixture;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.QuestionnaireSettings.IdentityCheck;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The page a questionnaire link opened on a device not signed in as her leads to: in her language (or the one she
 * switches to), it asks for the code sent to her phone or her year of birth, says a wrong answer at the field, signs
 * her in on a right one saying how she was identified, spends the link after too many wrong ones, and is the sign-in
 * page for a check that is not hers.
 */
class IdentityCheckViewUiTests extends UiTest {

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    ParticipantLinks links;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AuditTrail audit;

    private QuestionnaireLinkFixture fixture(String language) {
        return new QuestionnaireLinkFixture(tenants, studies, accounts, participants, links, mongo, language,
                PASSWORD);
    }

    /** As the device is after opening the link: the pending check in its session, on the check page. */
    private void opened(PendingCheck pending) {
        VaadinSession.getCurrent().getSession().setAttribute(PendingCheck.SESSION_KEY, pending);
        UI.getCurrent().navigate(PendingCheck.PAGE);
    }

    private List<String> trail(QuestionnaireLinkFixture fixture) {
        return fixture.as(fixture.tenant, EnumSet.of(PortalRole.CLINICIAN), () -> audit.participantHistory(
                fixture.participant)).stream().map(AuditEvent::getAction).toList();
    }

    /** Who this device's session is signed in as now, if anyone. */
    private static @Nullable PortalPrincipal signedIn() {
        Object context = VaadinSession.getCurrent().getSession().getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof PortalPrincipal principal ? principal
                        : null;
    }

    private static void answer(String label, String value) {
        answer(label, value, "Continue");
    }

    private static void answer(String label, String value, String button) {
        _setValue(_get(TextField.class, spec -> spec.withLabel(label)), value);
        _click(_get(Button.class, spec -> spec.withText(button)));
    }

    @Test
    void sheTypesTheCodeSentToHerPhoneAWrongOneIsSaidAtTheFieldTheRightOneSignsHerIn() {
        var fixture = fixture("en");
        String url = fixture.issue();
        opened(fixture.pending(url));

        assertThat(currentPath()).isEqualTo(PendingCheck.PAGE);
        assertThat(viewText()).contains("Is it you?", "your phone ending in 78").doesNotContain(fixture.participant)
                .doesNotContain("+86139");
        assertThat(fixture.codesSent()).hasSize(1).allSatisfy(sms -> assertThat(sms).containsPattern("[0-9]{6}")
                .doesNotContainIgnoringCase("questionnaire").doesNotContainIgnoringCase("pain")
                .doesNotContain("QLK"));
        String code = fixture.lastCode();
        assertThat(mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(fixture.tenant)),
                OutboxMessage.class))
                .as("what staff read in the outbox").singleElement().satisfies(sms -> assertThat(sms.getBody())
                        .doesNotContain(code).contains("•••"));

        answer("Code", code.equals("000000") ? "111111" : "000000");
        TextField field = _get(TextField.class, spec -> spec.withLabel("Code"));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("This code is not right. Tries left: 4.");
        assertThat(signedIn()).isNull();
        assertThat(trail(fixture)).first().isEqualTo("participant-link.check-failed-sms-code");

        // Asking again at once sends nothing: a new code at most once a minute.
        _click(_get(Button.class, spec -> spec.withText("Send a new code")));
        assertThat(viewText()).contains("once every 60 seconds");
        assertThat(fixture.codesSent()).hasSize(1);

        answer("Code", code);
        PortalPrincipal principal = signedIn();
        assertThat(principal).isNotNull();
        assertThat(principal.portalUser().accountId()).isEqualTo(fixture.account);
        assertThat(principal.signInWay()).isEqualTo(SignInWay.LINK_AND_SMS_CODE);
        assertThat(fixture.stored(url).get("usedAt")).as("the link is used up").isNotNull();
        assertThat(fixture.stored(url).toJson()).as("the code only as a hash").doesNotContain(code);
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(PendingCheck.SESSION_KEY)).isNull();
        assertThat(trail(fixture)).first().isEqualTo("participant-link.check-passed-sms-code");
    }

    @Test
    void inChineseSheIsAskedHerYearOfBirthAndMaySwitchToEnglish() {
        var fixture = fixture("zh-CN");
        fixture.checkBy(IdentityCheck.BIRTH_YEAR, studies);
        fixture.birthYear(1958, participants);
        opened(fixture.pending(fixture.issue()));

        assertThat(viewText()).contains("请确认是您本人", "请输入您的出生年份").doesNotContain("Is it you");
        answer("出生年份", "1960", "继续");
        TextField field = _get(TextField.class, spec -> spec.withLabel("出生年份"));
        assertThat(field.getErrorMessage()).isEqualTo("与研究团队记录的出生年份不符。还可尝试 4 次。");
        assertThat(fixture.codesSent()).as("no code by SMS when the study asks for the year").isEmpty();

        _click(_get(Button.class, spec -> spec.withText("English")));
        assertThat(viewText()).contains("Is it you?", "the year you were born");

        answer("Year of birth", "1958");
        PortalPrincipal principal = signedIn();
        assertThat(principal).isNotNull();
        assertThat(principal.signInWay()).isEqualTo(SignInWay.LINK_AND_BIRTH_YEAR);
        assertThat(trail(fixture)).first().isEqualTo("participant-link.check-passed-birth-year");
    }

    @Test
    void tooManyWrongAnswersSpendTheLink() {
        var fixture = fixture("en");
        fixture.checkBy(IdentityCheck.BIRTH_YEAR, studies);
        fixture.birthYear(1958, participants);
        String url = fixture.issue();
        opened(fixture.pending(url));
        for (int i = 0; i < IdentityChecks.MAX_TRIES; i++) {
            answer("Year of birth", "1970");
        }
        assertThat(viewText()).contains("Too many wrong answers: this link no longer works");
        assertThat(_find(TextField.class)).isEmpty();
        assertThat(signedIn()).isNull();
        assertThat(fixture.stored(url).get("usedAt")).isNotNull();
        assertThat(trail(fixture)).first().isEqualTo("participant-link.check-spent-birth-year");

        // The same device coming back finds nothing to check.
        opened(fixture.pending(url));
        assertThat(currentPath()).isEqualTo("login");
    }

    @Test
    void withoutSmsConsentSheIsAskedHerYearAndWithNeitherToSignInWithHerPassword() {
        var fixture = fixture("en");
        fixture.consentToSms(false);
        fixture.birthYear(1958, participants);
        opened(fixture.pending(fixture.issue()));
        assertThat(viewText()).contains("the year you were born");
        assertThat(fixture.codesSent()).isEmpty();

        fixture.birthYear(null, participants);
        opened(fixture.pending(fixture.issue()));
        assertThat(viewText()).contains("This link cannot check who you are");
        assertThat(_find(TextField.class)).isEmpty();
    }

    @Test
    void aPendingCheckNotNamingHerLinkIsTheSignInPageAndWritesNothing() {
        var fixture = fixture("en");
        var other = fixture("en");
        String url = fixture.issue();
        PendingCheck real = fixture.pending(url);

        for (PendingCheck forged : List.of(
                new PendingCheck(real.tenantId(), real.linkId(), other.participant, real.accountId(), real.location()),
                new PendingCheck(real.tenantId(), real.linkId(), real.participantId(), other.account, real.location()),
                new PendingCheck(other.tenant, real.linkId(), real.participantId(), real.accountId(), real
                        .location()),
                new PendingCheck(real.tenantId(), other.pending(other.issue()).linkId(), real.participantId(), real
                        .accountId(), real.location()))) {
            opened(forged);
            assertThat(currentPath()).isEqualTo("login");
            assertThat(VaadinSession.getCurrent().getSession().getAttribute(PendingCheck.SESSION_KEY)).isNull();
        }
        assertThat(fixture.codesSent()).isEmpty();
        assertThat(other.codesSent()).isEmpty();
        assertThat(trail(fixture)).noneMatch(action -> action.startsWith("participant-link"));
        assertThat(fixture.stored(url).get("usedAt")).isNull();

        UI.getCurrent().navigate(PendingCheck.PAGE);
        assertThat(currentPath()).as("no check at all").isEqualTo("login");
    }
}
