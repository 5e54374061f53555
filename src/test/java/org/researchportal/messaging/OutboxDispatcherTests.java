package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantDocuments;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The outbox end to end, with real parts: two dispatchers racing over the same due messages send each once; the
 * Twilio SDK talks to a local HTTP server (request fields, retry on 429 and 500, a permanent stop on 21211); email
 * goes over SMTP to the embedded GreenMail as one multipart message in the recipient's language.
 */
class OutboxDispatcherTests extends PortalTest {

    private static final String ACCOUNT = "AC" + "0123456789abcdef".repeat(2);
    private static final String TOKEN = "secrettoken0123456789abcdef0123";

    @Autowired
    TenantService tenants;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    MessagingSettingsService settings;
    @Autowired
    TenantDocuments documents;
    @Autowired
    OutboxRecords records;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SmsReplies replies;
    @Autowired
    org.researchportal.participants.ParticipantContacts participants;
    @Autowired
    GreenMail greenMail;
    @Autowired
    SmtpEmail email;
    @Autowired
    Clock clock;

    private String tenant;

    @BeforeEach
    void aTenantOfItsOwn() {
        tenant = "m" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Messaging " + tenant,
                "Asia/Shanghai"));
    }

    private <T> T asCoordinator(java.util.function.Supplier<T> work) {
        return asSystem(tenant, EnumSet.of(PortalRole.COORDINATOR, PortalRole.TENANT_ADMIN), work);
    }

    private static NewMessage sms(String key, String to, String body) {
        return new NewMessage(key, MessagePurpose.TEST, Channel.SMS, to, null, null, Locale.ENGLISH, null, body, null,
                Instant.now().minusSeconds(1));
    }

    private OutboxMessage reload(String id) {
        return asCoordinator(() -> documents.getById(id, OutboxMessage.class));
    }

    @Test
    void twoDispatchersRacingOverAThousandDueMessagesSendEachExactlyOnce() throws Exception {
        for (int i = 0; i < 1000; i++) {
            int n = i;
            asCoordinator(() -> outbox.enqueue(sms("race-" + n, "+8613800000000", "Message " + n)));
        }
        assertThat(asCoordinator(() -> outbox.enqueue(sms("race-7", "+8613800000000", "Again"))).getBody())
                .as("planning a send again finds the first").isEqualTo("Message 7");

        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        MessageSender counting = new MessageSender() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public SendResult send(OutboxMessage message, ProviderSettings providers) {
                sends.computeIfAbsent(message.requireId(), id -> new AtomicInteger()).incrementAndGet();
                return new SendResult.Sent("test-" + message.requireId());
            }
        };
        List<OutboxDispatcher> two = List.of(
                new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(counting), clock,
                        Duration.ofMinutes(2)),
                new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(counting), clock,
                        Duration.ofMinutes(2)));
        var start = new CountDownLatch(1);
        // Two threads in each instance too: each page is claimed under a name of its own, not the instance's.
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> handled = new ArrayList<>();
            for (OutboxDispatcher d : List.of(two.get(0), two.get(1), two.get(0), two.get(1))) {
                handled.add(pool.submit(() -> {
                    start.await();
                    return asCoordinator(() -> d.dispatchDue(5000));
                }));
            }
            start.countDown();
            int first = handled.get(0).get() + handled.get(2).get();
            int second = handled.get(1).get() + handled.get(3).get();
            assertThat(first + second).isEqualTo(1000);
            assertThat(first).as("both took part").isPositive();
            assertThat(second).as("both took part").isPositive();
        }
        assertThat(sends).hasSize(1000).allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
        long sent = asCoordinator(() -> documents.count(Query.query(Criteria.where("status")
                .is(OutboxMessage.Status.SENT)), OutboxMessage.class));
        assertThat(sent).isEqualTo(1000);
    }

    @Test
    void aMessageWhoseSenderDiedIsTakenOverWhenItsLeaseRunsOut() {
        OutboxMessage message = asCoordinator(() -> outbox.enqueue(sms("crash", "+8613800000000", "Hello")));
        // A dispatcher claimed it and died: status sending, lease already over.
        asCoordinator(() -> documents.updateFirst(Query.query(Criteria.where("_id").is(message.requireId())),
                new Update().set("status", OutboxMessage.Status.SENDING).set("leaseOwner", "portal-dead")
                        .set("leaseUntil", Instant.now().minusSeconds(5)), OutboxMessage.class));
        assertThat(asCoordinator(() -> dispatcher.dispatchDue(10))).isEqualTo(1);
        OutboxMessage taken = reload(message.requireId());
        assertThat(taken.getStatus()).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(taken.getProviderId()).as("no Twilio account here: the SMS is captured").startsWith("captured-");
    }

    @Test
    void theTwilioSdkSendsThroughALocalServerRetriesOn429And500AndStopsOn21211() throws Exception {
        try (var twilio = new MockWebServer()) {
            // An unexpected extra request gets an answer at once instead of waiting for one that never comes.
            ((QueueDispatcher) twilio.getDispatcher()).setFailFast(new MockResponse.Builder().code(418).build());
            twilio.start();
            asCoordinator(() -> settings.save(ACCOUNT, TOKEN, null, "+15005550006", null));
            var sms = new TwilioSms(twilio.url("/").toString(), new PortalAddress("https://portal.example.org"),
                    true);
            var local = new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(sms), clock,
                    Duration.ofMinutes(2));

            OutboxMessage message = asCoordinator(() -> outbox.enqueue(sms("twilio-1", "+8613812345678",
                    "Your session today: open https://portal.example.org/l/abc")));
            twilio.enqueue(new MockResponse.Builder().code(429).body(error(20429, "Too Many Requests", 429)).build());
            asCoordinator(() -> local.dispatchDue(10));
            OutboxMessage afterBusy = reload(message.requireId());
            assertThat(afterBusy.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
            assertThat(afterBusy.getDueAt()).as("tried again later, not at once").isAfter(Instant.now());
            assertThat(afterBusy.getAttempts()).singleElement().satisfies(a -> assertThat(a.outcome())
                    .isEqualTo(OutboxMessage.Attempt.Outcome.RETRY));

            RecordedRequest request = twilio.takeRequest();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
            String form = request.getBody().utf8();
            assertThat(form).contains("To=%2B8613812345678", "From=%2B15005550006", "Body=Your+session+today",
                    "portal.example.org%2Fl%2Fabc",
                    "StatusCallback=https%3A%2F%2Fportal.example.org%2Fwebhooks%2Ftwilio%2Fstatus");

            dueNow(message.requireId());
            // The SDK itself tries a 5xx answer three more times, 100 ms apart, before it gives up.
            for (int i = 0; i < 4; i++) {
                twilio.enqueue(new MockResponse.Builder().code(500).body(error(20500, "Internal error", 500)).build());
            }
            asCoordinator(() -> local.dispatchDue(10));
            assertThat(reload(message.requireId()).getStatus()).isEqualTo(OutboxMessage.Status.PENDING);

            dueNow(message.requireId());
            twilio.enqueue(new MockResponse.Builder().code(201).body(created("SM" + "a".repeat(32))).build());
            asCoordinator(() -> local.dispatchDue(10));
            OutboxMessage sent = reload(message.requireId());
            assertThat(sent.getStatus()).isEqualTo(OutboxMessage.Status.SENT);
            assertThat(sent.getProviderId()).isEqualTo("SM" + "a".repeat(32));
            // The link goes to the participant whole; whoever reads the outbox sees it masked, before and after.
            assertThat(afterBusy.getBody()).isEqualTo("Your session today: open https://portal.example.org/l/•••");
            assertThat(sent.getBody()).isEqualTo("Your session today: open https://portal.example.org/l/•••");
            assertThat(sent.getAttempts()).extracting(OutboxMessage.Attempt::outcome).containsExactly(
                    OutboxMessage.Attempt.Outcome.RETRY, OutboxMessage.Attempt.Outcome.RETRY,
                    OutboxMessage.Attempt.Outcome.SENT);

            int requestsBefore = twilio.getRequestCount();
            OutboxMessage invalid = asCoordinator(() -> outbox.enqueue(sms("twilio-2", "+1555", "Hello")));
            twilio.enqueue(new MockResponse.Builder().code(400).body(error(21211,
                    "The 'To' number +1555 is not a valid phone number.", 400)).build());
            asCoordinator(() -> local.dispatchDue(10));
            OutboxMessage failed = reload(invalid.requireId());
            assertThat(failed.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
            assertThat(failed.getAttempts()).singleElement().satisfies(a -> assertThat(a.code()).isEqualTo("21211"));
            assertThat(failed.getFailureReason()).contains("not a valid phone number");
            assertThat(twilio.getRequestCount()).as("no retry after a permanent refusal").isEqualTo(requestsBefore + 1);
        }
    }

    @Test
    void emailGoesOverSmtpAsOneMultipartMessageInTheRecipientsLanguage() throws Exception {
        int before = greenMail.getReceivedMessages().length;
        String to = tenant + "@example.org";
        OutboxMessage message = asCoordinator(() -> outbox.enqueue(new NewMessage("mail-1", MessagePurpose.TEST,
                Channel.EMAIL, to, null, null, Locale.SIMPLIFIED_CHINESE, "运动提醒", "今天是运动日。",
                "<p>今天是<strong>运动日</strong>。</p>", Instant.now().minusSeconds(1))));
        var local = new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(email), clock,
                Duration.ofMinutes(2));
        asCoordinator(() -> local.dispatchDue(10));
        assertThat(reload(message.requireId()).getStatus()).isEqualTo(OutboxMessage.Status.SENT);

        MimeMessage received = greenMail.getReceivedMessages()[before];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(to);
        assertThat(received.getSubject()).isEqualTo("运动提醒");
        assertThat(received.getHeader("Content-Language")[0]).isEqualTo("zh-CN");
        MimeMultipart alternative = findAlternative((MimeMultipart) received.getContent());
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(0).getContent().toString()).isEqualTo("今天是运动日。");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(alternative.getBodyPart(1).getContent().toString()).contains("<strong>运动日</strong>");
    }

    private static MimeMultipart findAlternative(MimeMultipart multipart) throws Exception {
        if (multipart.getContentType().startsWith("multipart/alternative")) {
            return multipart;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).getContent() instanceof MimeMultipart inner) {
                return findAlternative(inner);
            }
        }
        throw new AssertionError("no multipart/alternative part");
    }

    private void dueNow(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("dueAt",
                Instant.now().minusSeconds(1)), OutboxMessage.class);
    }

    private static String error(int code, String message, int status) {
        return "{\"code\": " + code + ", \"message\": \"" + message + "\", \"more_info\": "
                + "\"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}";
    }

    private static String created(String sid) {
        return "{\"sid\": \"" + sid + "\", \"status\": \"queued\", \"account_sid\": \"" + ACCOUNT + "\"}";
    }

    @Test
    void aMessageThatNeverFinishesSendingStopsAndAResendGetsAFreshBudget() {
        OutboxMessage crashing = asCoordinator(() -> outbox.enqueue(sms("crashing", "+8613800000000", "Hello")));
        asCoordinator(() -> documents.updateFirst(Query.query(Criteria.where("_id").is(crashing.requireId())),
                new Update().set("status", OutboxMessage.Status.SENDING).set("leaseOwner", "portal-dead")
                        .set("leaseUntil", Instant.now().minusSeconds(5)).set("claims", 20), OutboxMessage.class));
        asCoordinator(() -> dispatcher.dispatchDue(10));
        OutboxMessage stopped = reload(crashing.requireId());
        assertThat(stopped.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
        assertThat(stopped.getAttempts()).last().satisfies(a -> assertThat(a.code()).isEqualTo("never-completed"));

        // Failed after its last retry; sent again by a coordinator, it gets retries of its own, not one try.
        MessageSender busy = new MessageSender() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public SendResult send(OutboxMessage message, ProviderSettings providers) {
                return new SendResult.Retry("429", "Too many requests");
            }
        };
        var local = new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(busy), clock,
                Duration.ofMinutes(2), new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 2));
        OutboxMessage tired = asCoordinator(() -> outbox.enqueue(sms("tired", "+8613800000000", "Hello")));
        asCoordinator(() -> local.dispatchDue(10));
        dueNow(tired.requireId());
        asCoordinator(() -> local.dispatchDue(10));
        assertThat(reload(tired.requireId()).getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
        asCoordinator(() -> {
            outbox.resend(tired.requireId(), "Provider was busy");
            return null;
        });
        asCoordinator(() -> local.dispatchDue(10));
        OutboxMessage again = reload(tired.requireId());
        assertThat(again.getStatus()).as("one retry of the new budget used, one left").isEqualTo(
                OutboxMessage.Status.PENDING);
        assertThat(again.getAttempts()).hasSize(3);
    }

    @Test
    void aDeliveryReportFasterThanOurOwnWriteIsAppliedOnceTheMessageIsSent() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        asCoordinator(() -> outbox.recordDelivery(sid, "delivered", null));
        MessageSender quick = new MessageSender() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public SendResult send(OutboxMessage message, ProviderSettings providers) {
                return new SendResult.Sent(sid);
            }
        };
        OutboxMessage message = asCoordinator(() -> outbox.enqueue(sms("early", "+8613800000000", "Hello")));
        asCoordinator(() -> new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(quick),
                clock, Duration.ofMinutes(2)).dispatchDue(10));
        assertThat(reload(message.requireId()).getStatus()).isEqualTo(OutboxMessage.Status.DELIVERED);
        assertThat(asCoordinator(() -> documents.exists(Query.query(Criteria.where("providerId").is(sid)),
                EarlyDeliveryReport.class))).as("applied, then gone").isFalse();
    }

    @Test
    void aStopArrivingWhileAPageIsBeingSentStopsTheRestOfThePageToThatNumber() {
        String stops = "+8613800000077";
        Instant now = Instant.now();
        OutboxMessage first = asCoordinator(() -> outbox.enqueue(new NewMessage("page-1", MessagePurpose.TEST,
                Channel.SMS, "+8613800000066", null, null, Locale.ENGLISH, null, "First", null, now.minusSeconds(3))));
        OutboxMessage second = asCoordinator(() -> outbox.enqueue(new NewMessage("page-2", MessagePurpose.TEST,
                Channel.SMS, stops, null, null, Locale.ENGLISH, null, "Second", null, now.minusSeconds(2))));
        // A clock the sender moves on: the STOP comes in, and the page's reading of STOP answers grows old.
        AtomicReference<Instant> time = new AtomicReference<>(now);
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return time.get();
            }
        };
        List<String> sentTo = new ArrayList<>();
        MessageSender stopInBetween = new MessageSender() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public SendResult send(OutboxMessage message, ProviderSettings providers) {
                sentTo.add(message.getRecipient());
                replies.handle(stops, "STOP");
                time.set(time.get().plusSeconds(2));
                return new SendResult.Sent("SM" + UUID.randomUUID().toString().replace("-", ""));
            }
        };
        int handled = asCoordinator(() -> new OutboxDispatcher(records, settings, replies, participants, outbox,
                List.of(stopInBetween), moving, Duration.ofMinutes(2)).dispatchDue(10));
        assertThat(handled).isEqualTo(2);
        assertThat(sentTo).containsExactly("+8613800000066");
        assertThat(reload(first.requireId()).getStatus()).isEqualTo(OutboxMessage.Status.SENT);
        assertThat(reload(second.requireId())).satisfies(m -> {
            assertThat(m.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
            assertThat(m.getAttempts()).singleElement().extracting(OutboxMessage.Attempt::code)
                    .isEqualTo("opted-out");
        });
    }
}
