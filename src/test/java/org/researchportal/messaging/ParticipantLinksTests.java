package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.Account;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ParticipationService;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Links in messages over real HTTP: a valid link signs the participant in on this device, once, and opens their page;
 * a used or expired one leads to sign-in with a word on what to do; an unknown or malformed one, one of a participant
 * who withdrew, or of a locked-out or deactivated account, leads to sign-in; every use and refusal is audited; guessing
 * is cut off.
 */
class ParticipantLinksTests extends PortalTest {

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

    private String tenant;
    private String participant;
    private String account;

    @Autowired
    LinkAttempts attempts;

    @BeforeEach
    void aParticipantWithAnAccount() {
        attempts.clear();
        tenant = "l" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Links " + tenant,
                "Asia/Shanghai"));
        String study = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> studies.create(new StudyRecord("LNK",
                "Links", null, List.of(new Arm("A", "A", ArmKind.INTERVENTION, "A"), new Arm("B", "B",
                        ArmKind.CONTROL, "B")), 10, null, null, null)).id());
        account = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(
                tenant + ".p", "Participant", null, "en", Set.of(PortalRole.PARTICIPANT), PASSWORD)).id());
        LocalDate today = LocalDate.now();
        participant = asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                new ParticipantImport(study, "SCR-1", "LNK-1", "Participant One", ParticipantStatus.ENROLLED, "A",
                        today.minusDays(30), today.minusDays(20), null, null, null, "en", "Asia/Shanghai", null,
                        null, null, account)));
    }

    private String issue() {
        return asSystem(tenant, EnumSet.of(PortalRole.COORDINATOR), () -> links.issue(participant,
                ParticipantLink.Target.HOME, Instant.now()));
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

    /** Whether the device is signed in as the participant: their page opens instead of sending it to sign-in. */
    private boolean signedIn(HttpClient device) throws Exception {
        return open(device, "http://x/my-study").statusCode() == 200;
    }

    /** The participant's audit trail, newest first, as its actions. */
    private List<String> trail() {
        return asSystem(tenant, EnumSet.of(PortalRole.CLINICIAN), () -> audit.participantHistory(participant))
                .stream().map(AuditEvent::getAction).toList();
    }

    @Test
    void aLinkSignsInOnceAndItsReplayElsewhereIsRefusedAndAudited() throws Exception {
        String url = issue();
        HttpClient phone = phone();
        assertThat(location(open(phone, url))).endsWith("/my-study");
        assertThat(signedIn(phone)).isTrue();
        assertThat(trail()).first().isEqualTo("participant-link.used");

        // Tapped again on the phone it signed in: the page opens, nobody new is signed in.
        assertThat(location(open(phone, url))).endsWith("/my-study");

        // The same link anywhere else (a forwarded SMS, someone who read it): nobody is signed in, and the person is
        // told to sign in or ask for a new link.
        HttpClient elsewhere = phone();
        assertThat(location(open(elsewhere, url))).endsWith("/login?link=used");
        assertThat(signedIn(elsewhere)).isFalse();
        assertThat(trail()).containsSequence("participant-link.refused-used", "participant-link.used");
        assertThat(trail()).filteredOn("participant-link.used"::equals).hasSize(1);
    }

    @Test
    void aLinkRunsForThreeDaysFromWhenItsMessageGoesOut() {
        Instant sending = Instant.now().plus(java.time.Duration.ofHours(5));
        String url = asSystem(tenant, EnumSet.of(PortalRole.COORDINATOR), () -> links.issue(participant,
                ParticipantLink.Target.HOME, sending));
        org.bson.Document stored = mongo.findOne(Query.query(Criteria.where("tokenHash").is(ParticipantLinks.hash(
                url.substring(url.lastIndexOf('/') + 1)))), org.bson.Document.class, "participant_links");
        assertThat(stored).isNotNull();
        assertThat(stored.getDate("expiresAt").toInstant()).isEqualTo(sending.plus(java.time.Duration.ofHours(72))
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aLockedOutOrDeactivatedAccountsLinkSignsNobodyIn() throws Exception {
        String url = issue();
        // Five wrong passwords lock the account for a while: the link is no way around the lock.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(account)), new Update().set("lockedUntil",
                Instant.now().plusSeconds(600)), Account.class);
        HttpClient phone = phone();
        assertThat(location(open(phone, url))).endsWith("/login");
        assertThat(signedIn(phone)).isFalse();
        assertThat(trail()).first().isEqualTo("participant-link.refused-locked");

        // Once the lock is over, the link (not used up by the refusal) signs the participant in.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(account)), new Update().unset("lockedUntil"),
                Account.class);
        assertThat(location(open(phone, url))).endsWith("/my-study");

        String another = issue();
        asSystem(tenant, EnumSet.of(PortalRole.TENANT_ADMIN), () -> accounts.setActive(account, false));
        HttpClient other = phone();
        assertThat(location(open(other, another))).endsWith("/login");
        assertThat(signedIn(other)).isFalse();
        assertThat(trail()).first().isEqualTo("participant-link.refused-deactivated");
    }

    @Test
    void everyUseAndRefusalReadsAsWordsInBothLanguages() {
        for (String action : List.of("used", "refused-used", "refused-expired", "refused-revoked", "refused-left",
                "refused-deactivated", "refused-locked")) {
            for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, java.util.Locale.SIMPLIFIED_CHINESE)) {
                assertThat(org.researchportal.base.ui.PortalTranslations.find("audit.action.participant-link."
                        + action, locale)).as(action + " " + locale).isPresent();
            }
        }
    }

    @Test
    void linksPointAtTheAddressThePortalRunsOnNotAFixedPort() {
        // No PORTAL_BASE_URL in the tests: the embedded default's links name the port the server listens on.
        assertThat(issue()).startsWith("http://localhost:" + port + "/l/");
    }

    @Test
    void aValidLinkSignsTheParticipantInAndOpensTheirPage() throws Exception {
        String url = issue();
        assertThat(url).matches(".*/l/[A-Za-z0-9_-]{43}").doesNotContain(participant).doesNotContain("LNK");
        HttpClient device = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> landed = open(device, url);
        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(landed.headers().firstValue("Location").orElseThrow()).endsWith("/my-study");
        // The same device is now signed in: the page opens instead of sending it to sign-in.
        HttpResponse<String> page = open(device, "http://x/my-study");
        assertThat(page.statusCode()).isEqualTo(200);

        HttpResponse<String> stranger = open(HttpClient.newHttpClient(), "http://x/my-study");
        assertThat(stranger.statusCode()).as("another device without the link").isIn(302, 401);
    }

    @Test
    void aVideoLinkOpensTheExercisesAtItsExercise() throws Exception {
        String url = asSystem(tenant, EnumSet.of(PortalRole.COORDINATOR), () -> links.issue(participant,
                ParticipantLink.Target.EXERCISES, "shoulder_flexion", Instant.now()));
        assertThat(url).matches(".*/l/[A-Za-z0-9_-]{43}").doesNotContain("shoulder");
        HttpResponse<String> landed = open(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), url);
        assertThat(landed.headers().firstValue("Location").orElseThrow())
                .endsWith("/my-exercises?exercise=shoulder_flexion");
    }

    @Test
    void expiredUnknownAndWithdrawnLinksLeadToSignIn() throws Exception {
        String expired = issue();
        mongo.updateFirst(Query.query(Criteria.where("tokenHash").is(ParticipantLinks.hash(
                expired.substring(expired.lastIndexOf('/') + 1)))), new Update().set("expiresAt",
                        Instant.now().minusSeconds(1)), ParticipantLink.class);
        HttpClient device = HttpClient.newHttpClient();
        assertThat(open(device, expired).headers().firstValue("Location").orElseThrow())
                .as("the participant is told to sign in or ask for a new link").endsWith("/login?link=used");
        assertThat(trail()).first().isEqualTo("participant-link.refused-expired");
        assertThat(open(device, "http://x/l/" + "A".repeat(43)).headers().firstValue("Location").orElseThrow())
                .endsWith("/login");
        assertThat(open(device, "http://x/l/not-a-token").headers().firstValue("Location").orElseThrow())
                .endsWith("/login");

        String beforeWithdrawal = issue();
        asSystem(tenant, EnumSet.of(PortalRole.CLINICIAN), () -> {
            participation.withdraw(participant, LocalDate.now(), "Moved away");
            return null;
        });
        assertThat(open(device, beforeWithdrawal).headers().firstValue("Location").orElseThrow())
                .as("revoked on withdrawal").endsWith("/login");
        assertThat(trail()).first().isEqualTo("participant-link.refused-revoked");
    }

    @Test
    void guessingIsCutOffPerAddress() throws Exception {
        HttpClient device = HttpClient.newHttpClient();
        int limited = 0;
        for (int i = 0; i < LinkAttempts.PER_MINUTE + 5; i++) {
            if (open(device, "http://x/l/" + UUID.randomUUID().toString().replace("-", "").repeat(2)
                    .substring(0, 43)).statusCode() == 429) {
                limited++;
            }
        }
        assertThat(limited).isPositive();
    }
}
