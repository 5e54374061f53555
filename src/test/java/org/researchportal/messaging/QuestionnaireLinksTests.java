package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipationService;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Questionnaire links over real HTTP under the production security configuration: on a device not signed in as her
 * the link signs nobody in and leads to the check of who is answering, keeping the link unused; on her own signed-in
 * phone it opens the timepoint's questionnaires; a forged, expired, revoked, used or suspended tenant's link leads to
 * the sign-in page as any link does, and nothing is sent, kept or signed in.
 */
class QuestionnaireLinksTests extends PortalTest {

    @LocalServerPort
    int port;
    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    ParticipantService participants;
    @Autowired
    ParticipationService participation;
    @Autowired
    ParticipantLinks links;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AuditTrail audit;
    @Autowired
    LinkAttempts attempts;

    private QuestionnaireLinkFixture fixture;

    @BeforeEach
    void aParticipantWithAPhoneAndAnAccount() {
        attempts.clear();
        fixture = new QuestionnaireLinkFixture(tenants, studies, accounts, participants, links, mongo, "en",
                PASSWORD);
    }

    private HttpResponse<String> open(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url.replaceFirst("^https?://[^/]+",
                "http://localhost:" + port))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient phone() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("(none: " + response.statusCode() + ")");
    }

    private boolean signedIn(HttpClient device) throws Exception {
        return open(device, "http://x/my-study").statusCode() == 200;
    }

    private List<String> trail() {
        return fixture.as(fixture.tenant, EnumSet.of(PortalRole.CLINICIAN), () -> audit.participantHistory(
                fixture.participant)).stream().map(AuditEvent::getAction).toList();
    }

    @Test
    void aQuestionnaireLinkAsksWhoIsAnsweringAndSignsNobodyInYet() throws Exception {
        String url = fixture.issue();
        assertThat(url).matches(".*/l/[A-Za-z0-9_-]{43}").doesNotContain(QuestionnaireLinkFixture.TIMEPOINT);
        HttpClient device = phone();
        assertThat(location(open(device, url))).endsWith("/" + PendingCheck.PAGE);
        // The check page itself is public: it opens without signing in.
        assertThat(open(device, "http://x/" + PendingCheck.PAGE).statusCode()).isEqualTo(200);
        assertThat(signedIn(device)).isFalse();
        assertThat(fixture.stored(url).get("usedAt")).as("kept for her answer").isNull();
        assertThat(trail()).doesNotContain("participant-link.used");
    }

    @Test
    void onHerOwnSignedInPhoneItOpensTheTimepointsQuestionnaires() throws Exception {
        HttpClient herPhone = phone();
        String home = fixture.as(fixture.tenant, EnumSet.of(PortalRole.COORDINATOR), () -> links.issue(
                fixture.participant, ParticipantLink.Target.HOME, Instant.now()));
        assertThat(location(open(herPhone, home))).endsWith("/my-study");
        String url = fixture.issue();
        assertThat(location(open(herPhone, url))).endsWith("/my-questionnaires/" + QuestionnaireLinkFixture.TIMEPOINT);
        assertThat(fixture.codesSent()).as("no check asked, no code sent").isEmpty();
    }

    @Test
    void aQuestionnaireLinkRunsUntilTheMomentGivenAndNamesItsTimepoint() {
        String url = fixture.issue();
        Instant endOfTomorrow = LocalDate.now().plusDays(2).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant();
        assertThat(fixture.stored(url).getDate("expiresAt").toInstant()).isEqualTo(endOfTomorrow);
        assertThat(fixture.stored(url).getString("target")).isEqualTo("QUESTIONNAIRE");
        assertThatThrownBy(() -> fixture.as(fixture.tenant, EnumSet.of(PortalRole.COORDINATOR), () -> links.issue(
                fixture.participant, ParticipantLink.Target.QUESTIONNAIRE, null, Instant.now(), endOfTomorrow)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("focus", "participant-link.focus.invalid"));
        assertThatThrownBy(() -> fixture.as(fixture.tenant, EnumSet.of(PortalRole.COORDINATOR), () -> links.issue(
                fixture.participant, ParticipantLink.Target.QUESTIONNAIRE, "week_6", Instant.now(), Instant.now()
                        .minusSeconds(60)))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e
                                .fieldMessageKeys()).containsEntry("expiresAt", "participant-link.expiry.invalid"));
    }

    /** Nothing kept, sent or signed in after a refused link; the device sits on the sign-in page. */
    private void refusedWritingNothing(HttpClient device, HttpResponse<String> landed) throws Exception {
        assertThat(location(landed)).contains("/login").doesNotContain(PendingCheck.PAGE);
        assertThat(signedIn(device)).isFalse();
        assertThat(fixture.codesSent()).isEmpty();
        assertThat(trail()).noneMatch(action -> action.startsWith("participant-link.check")
                || action.equals("participant-link.used"));
    }

    @Test
    void forgedExpiredRevokedUsedAndSuspendedTenantsLinksCheckNothingAndWriteNothing() throws Exception {
        HttpClient device = phone();
        refusedWritingNothing(device, open(device, "http://x/l/" + "B".repeat(43)));

        String expired = fixture.issue();
        mongo.updateFirst(Query.query(Criteria.where("tokenHash").is(ParticipantLinks.hash(expired.substring(expired
                .lastIndexOf('/') + 1)))), new Update().set("expiresAt", Instant.now().minusSeconds(1)),
                ParticipantLink.class);
        refusedWritingNothing(device, open(device, expired));

        String used = fixture.issue();
        mongo.updateFirst(Query.query(Criteria.where("tokenHash").is(ParticipantLinks.hash(used.substring(used
                .lastIndexOf('/') + 1)))), new Update().set("usedAt", Instant.now()), ParticipantLink.class);
        refusedWritingNothing(device, open(device, used));

        String revoked = fixture.issue();
        fixture.as(fixture.tenant, EnumSet.of(PortalRole.COORDINATOR), () -> links.revokeAll(fixture.participant));
        refusedWritingNothing(device, open(device, revoked));

        String suspended = fixture.issue();
        fixture.as(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.setActive(fixture.tenant, false));
        try {
            refusedWritingNothing(device, open(device, suspended));
        } finally {
            fixture.as(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.setActive(fixture.tenant, true));
        }
        assertThat(fixture.stored(suspended).get("usedAt")).isNull();
    }

    @Test
    void aWithdrawnParticipantsQuestionnaireLinkChecksNothing() throws Exception {
        String url = fixture.issue();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(fixture.participant)), new Update().set("status",
                "WITHDRAWN"), org.researchportal.participants.Participant.class);
        HttpClient device = phone();
        refusedWritingNothing(device, open(device, url));
    }

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;

    /** She asked for the code this minute: it goes at once, whatever her quiet hours, while a reminder waits. */
    @Test
    void theIdentityCodeIsNotHeldByQuietHours() {
        var now = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(fixture.participant)), new Update().set("quietFrom",
                now.minusHours(1)).set("quietUntil", now.plusHours(1)).set("reminderTime", now.plusHours(3)),
                org.researchportal.participants.Participant.class);
        for (MessagePurpose purpose : List.of(MessagePurpose.TEST, MessagePurpose.IDENTITY_CODE)) {
            fixture.as(fixture.tenant, EnumSet.of(PortalRole.COORDINATOR), () -> outbox.enqueue(new NewMessage(
                    "quiet-" + purpose + fixture.participant, purpose, Channel.SMS, QuestionnaireLinkFixture.PHONE,
                    fixture.participant, fixture.study, java.util.Locale.ENGLISH, null, "Your code is 123456.",
                    null, Instant.now().minusSeconds(1))));
        }
        fixture.as(fixture.tenant, EnumSet.of(PortalRole.COORDINATOR), () -> dispatcher.dispatchDue(50));
        var sent = fixture.as(fixture.tenant, EnumSet.of(PortalRole.COORDINATOR), () -> outbox.messagesOf(
                fixture.participant));
        assertThat(sent).filteredOn(m -> m.getPurpose() == MessagePurpose.IDENTITY_CODE).singleElement()
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo(OutboxMessage.Status.SENT));
        assertThat(sent).filteredOn(m -> m.getPurpose() == MessagePurpose.TEST).singleElement()
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo(OutboxMessage.Status.PENDING));
    }
}
