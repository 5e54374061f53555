package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantDocuments;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Twilio's webhooks over real HTTP: a correctly signed delivery report updates the message, a changed field or a
 * different URL is refused and changes nothing; STOP ends SMS to the number (pending ones cancelled, new ones not
 * sent) until START.
 */
class TwilioWebhooksTests extends PortalTest {

    @LocalServerPort
    int port;
    @Autowired
    TenantService tenants;
    @Autowired
    MessagingSettingsService settings;
    @Autowired
    Outbox outbox;
    @Autowired
    SmsReplies replies;
    @Autowired
    org.researchportal.participants.ParticipantContacts participants;
    @Autowired
    java.time.Clock clock;
    @Autowired
    TenantDocuments documents;
    @Autowired
    OutboxRecords records;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    org.researchportal.audit.AuditTrail audit;

    private final HttpClient http = HttpClient.newHttpClient();
    private String tenant;
    private String account;
    private String token;

    @BeforeEach
    void aTenantWithATwilioAccount() {
        tenant = "w" + UUID.randomUUID().toString().substring(0, 8);
        account = "AC" + UUID.randomUUID().toString().replace("-", "");
        token = UUID.randomUUID().toString().replace("-", "");
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Webhooks " + tenant,
                "Asia/Shanghai"));
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> settings.save(account, token, null, "+15005550006",
                null));
    }

    private <T> T inTenant(java.util.function.Supplier<T> work) {
        return asSystem(tenant, EnumSet.of(PortalRole.COORDINATOR, PortalRole.TENANT_ADMIN), work);
    }

    private HttpResponse<String> post(String path, Map<String, String> params, String signature) throws Exception {
        String form = TwilioSignatures.form(params);
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type",
                "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private OutboxMessage sentSms(String key, String to) {
        OutboxMessage message = inTenant(() -> outbox.enqueue(new NewMessage(key, MessagePurpose.TEST, Channel.SMS,
                to, null, null, Locale.ENGLISH, null, "Hello", null, Instant.now().minusSeconds(1))));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(message.requireId())), new Update()
                .set("status", OutboxMessage.Status.SENT).set("providerId", "SM" + key), OutboxMessage.class);
        return message;
    }

    @Test
    void aSignedDeliveryReportIsRecordedAndAnAlteredOneIsRefused() throws Exception {
        OutboxMessage message = sentSms("d1", "+8613800000001");
        Map<String, String> report = Map.of("AccountSid", account, "MessageSid", "SMd1", "MessageStatus",
                "undelivered", "ErrorCode", "30003");
        String path = TwilioWebhooks.STATUS_PATH;
        String good = TwilioSignatures.sign(token, url(path), report);

        var changedField = new java.util.HashMap<>(report);
        changedField.put("MessageStatus", "delivered");
        assertThat(post(path, changedField, good).statusCode()).isEqualTo(403);
        assertThat(post(path, report, TwilioSignatures.sign(token, "https://elsewhere.example.org" + path, report))
                .statusCode())
                .as("signed for another URL").isEqualTo(403);
        assertThat(post(path, report, TwilioSignatures.sign("not-the-token", url(path), report)).statusCode())
                .isEqualTo(403);
        assertThat(inTenant(() -> documents.getById(message.requireId(), OutboxMessage.class)).getStatus())
                .as("nothing changed").isEqualTo(OutboxMessage.Status.SENT);

        assertThat(post(path, report, good).statusCode()).isEqualTo(204);
        OutboxMessage reported = inTenant(() -> documents.getById(message.requireId(), OutboxMessage.class));
        assertThat(reported.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(reported.getFailureReason()).contains("30003");
    }

    @Test
    void stopEndsSmsToTheNumberUntilStart() throws Exception {
        try (var twilio = new MockWebServer()) {
            twilio.start();
            twilio.enqueue(new MockResponse.Builder().code(201).body("{\"sid\": \"SM" + "b".repeat(32) + "\"}")
                    .build());
            var local = new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(new TwilioSms(
                    twilio.url("/").toString(), new PortalAddress(""), false)), clock, Duration.ofMinutes(2));
            stopThenStart(local);
            assertThat(twilio.getRequestCount()).as("only the message after START reached Twilio").isEqualTo(1);
        }
    }

    private void stopThenStart(OutboxDispatcher dispatcher) throws Exception {
        String phone = "+8613800000002";
        OutboxMessage pending = inTenant(() -> outbox.enqueue(new NewMessage("later", MessagePurpose.TEST,
                Channel.SMS, phone, null, null, Locale.ENGLISH, null, "Later", null, Instant.now().plus(Duration.ofDays(
                        1)))));
        String path = TwilioWebhooks.INBOUND_PATH;
        Map<String, String> stop = Map.of("AccountSid", account, "From", phone, "Body", " stop ");
        HttpResponse<String> stopped = post(path, stop, TwilioSignatures.sign(token, url(path), stop));
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).startsWith("<?xml").contains("<Response><Message>", "Reply START");
        assertThat(inTenant(() -> documents.getById(pending.requireId(), OutboxMessage.class)).getStatus())
                .isEqualTo(OutboxMessage.Status.CANCELLED);

        OutboxMessage blocked = inTenant(() -> outbox.enqueue(new NewMessage("now", MessagePurpose.TEST, Channel.SMS,
                phone, null, null, Locale.ENGLISH, null, "Now", null, Instant.now().minusSeconds(1))));
        inTenant(() -> dispatcher.dispatchDue(10));
        OutboxMessage refused = inTenant(() -> documents.getById(blocked.requireId(), OutboxMessage.class));
        assertThat(refused.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(refused.getAttempts()).singleElement().satisfies(a -> assertThat(a.code()).isEqualTo("opted-out"));

        Map<String, String> start = Map.of("AccountSid", account, "From", phone, "Body", "START");
        assertThat(post(path, start, TwilioSignatures.sign(token, url(path), start)).body()).contains("again");
        OutboxMessage allowed = inTenant(() -> outbox.enqueue(new NewMessage("after", MessagePurpose.TEST,
                Channel.SMS, phone, null, null, Locale.ENGLISH, null, "After", null, Instant.now().minusSeconds(1))));
        inTenant(() -> dispatcher.dispatchDue(10));
        assertThat(inTenant(() -> documents.getById(allowed.requireId(), OutboxMessage.class)).getStatus())
                .isEqualTo(OutboxMessage.Status.SENT);

        Map<String, String> other = Map.of("AccountSid", account, "From", phone, "Body", "Thanks!");
        assertThat(post(path, other, TwilioSignatures.sign(token, url(path), other)).body()).endsWith(
                "<Response></Response>");
        Map<String, String> forged = Map.of("AccountSid", account, "From", phone, "Body", "STOP");
        assertThat(post(path, forged, "forged").statusCode()).isEqualTo(403);
    }

    @Test
    void aReplayedStopIsAnsweredButRecordedOnce() throws Exception {
        String phone = String.format("+86139%08d", java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(100_000_000));
        String path = TwilioWebhooks.INBOUND_PATH;
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> stop = Map.of("AccountSid", account, "MessageSid", sid, "SmsSid", sid, "From", phone,
                "Body", "STOP");
        String signature = TwilioSignatures.sign(token, url(path), stop);
        HttpResponse<String> first = post(path, stop, signature);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Reply START");

        HttpResponse<String> replayed = post(path, stop, signature);
        assertThat(replayed.statusCode()).as("answered, so Twilio does not retry").isEqualTo(200);
        assertThat(replayed.body()).as("and no second reply is sent").doesNotContain("<Message>");
        var events = inTenant(() -> audit.history("PhoneNumber", "****" + phone.substring(phone.length() - 4)));
        assertThat(events).extracting(e -> e.getAction()).containsExactly("sms.opted-out");

        // The same words in a new message from the same phone are a new reply, and acted on.
        Map<String, String> again = Map.of("AccountSid", account, "MessageSid", sid + "2", "From", phone, "Body",
                "START");
        assertThat(post(path, again, TwilioSignatures.sign(token, url(path), again)).body()).contains("again");
    }

    @Test
    void aReplayedDeliveryReportChangesNothingTwice() throws Exception {
        String key = "r" + UUID.randomUUID().toString().substring(0, 8);
        String path = TwilioWebhooks.STATUS_PATH;
        // A report for a message this portal has not yet written as sent is kept for the dispatcher, once.
        Map<String, String> early = Map.of("AccountSid", account, "MessageSid", "SM" + key, "MessageStatus",
                "delivered");
        String signature = TwilioSignatures.sign(token, url(path), early);
        assertThat(post(path, early, signature).statusCode()).isBetween(200, 204);
        assertThat(post(path, early, signature).statusCode()).isBetween(200, 204);
        assertThat(inTenant(() -> documents.count(Query.query(Criteria.where("providerId").is("SM" + key)),
                EarlyDeliveryReport.class))).isEqualTo(1);
    }

    @Test
    void replyKeywordsAreReadInTheirCommonForms() {
        assertThat(List.of("STOP", "stop.", " Unsubscribe ", "退订", "ＳＴＯＰ", "TD")).allSatisfy(word -> assertThat(
                SmsReplies.keyword(word)).as(word).isEqualTo(SmsReplies.Keyword.STOP));
        assertThat(List.of("start", "YES", "Unstop")).allSatisfy(word -> assertThat(SmsReplies.keyword(word)).as(word)
                .isEqualTo(SmsReplies.Keyword.START));
        assertThat(SmsReplies.keyword("help?")).isEqualTo(SmsReplies.Keyword.HELP);
        assertThat(SmsReplies.keyword("please stop calling me")).isEqualTo(SmsReplies.Keyword.OTHER);
    }
}
