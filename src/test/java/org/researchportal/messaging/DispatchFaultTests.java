package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.storage.DatabaseLink;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.tenancy.TenantDocuments;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Faults with nothing lost and nothing sent twice: the database stops and comes back while messages are being sent
 * through the real Twilio SDK to a local stand-in; and an instance stops for good mid-send while a second one goes
 * on. The stand-in counts what it received per message.
 */
class DispatchFaultTests extends PortalTest {

    /** Each test's tenant has its own account: one Twilio account belongs to one institution. */
    private final String account = "AC" + UUID.randomUUID().toString().replace("-", "");
    private static final String TOKEN = "faulttoken0123456789abcdef01234";

    @Autowired
    TenantService tenants;
    @Autowired
    Outbox outbox;
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
    ParticipantContacts participants;
    @Autowired
    Clock clock;
    @Autowired
    DatabaseLink database;

    private String tenant;
    private MockWebServer twilio;
    /** Message body to the number of times the stand-in received it. */
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger sids = new AtomicInteger();
    /** Message bodies in the order the stand-in received them. */
    private final List<String> inOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Runs when the stand-in receives its n-th message (n = key). */
    private final Map<Integer, Runnable> onRequest = new ConcurrentHashMap<>();

    @BeforeEach
    void aTenantWithTwilio() throws Exception {
        tenant = "f" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Faults " + tenant, "UTC"));
        asCoordinator(() -> settings.save(account, TOKEN, null, "+15005550006", null));
        twilio = new MockWebServer();
        twilio.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = java.net.URLDecoder.decode(request.getBody().utf8(),
                        java.nio.charset.StandardCharsets.UTF_8);
                String text = body.replaceAll(".*Body=([^&]*).*", "$1");
                received.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
                inOrder.add(text);
                int n = sids.incrementAndGet();
                onRequest.getOrDefault(n, () -> {}).run();
                return new MockResponse.Builder().code(201).body("{\"sid\": \"SM" + String.format("%032d", n)
                        + "\", \"status\": \"queued\", \"account_sid\": \"" + account + "\"}").build();
            }
        });
        twilio.start();
    }

    @AfterEach
    void stopStandIn() {
        database.restore();
        if (twilio != null) {
            twilio.close();
        }
    }

    private <T> T asCoordinator(java.util.function.Supplier<T> work) {
        return asSystem(tenant, EnumSet.of(PortalRole.COORDINATOR, PortalRole.TENANT_ADMIN), work);
    }

    private OutboxDispatcher dispatcher(Duration lease) {
        return dispatcher(lease, clock);
    }

    /** A dispatcher of an instance whose clock may run ahead of the others' (to see their leases run out). */
    private OutboxDispatcher dispatcher(Duration lease, Clock instanceClock) {
        var sms = new TwilioSms(twilio.url("/").toString(), new PortalAddress("https://portal.example.org"), true);
        return new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(sms), instanceClock,
                lease);
    }

    private void due(int count, String prefix) {
        for (int i = 0; i < count; i++) {
            int n = i;
            asCoordinator(() -> outbox.enqueue(new NewMessage(prefix + n, MessagePurpose.TEST, Channel.SMS,
                    "+8613800000000", null, null, Locale.ENGLISH, null, prefix + " message " + n, null,
                    Instant.now().minusSeconds(1))));
        }
    }

    private Map<OutboxMessage.Status, Long> statuses() {
        return asCoordinator(() -> outbox.latest(1000)).stream().collect(Collectors.groupingBy(
                OutboxMessage::getStatus, Collectors.counting()));
    }

    /** Dispatch rounds until nothing is due, as the scheduled rounds would; a round may fail while the database is down. */
    private void dispatchUntilQuiet(OutboxDispatcher dispatcher) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (asCoordinator(() -> dispatcher.dispatchDue(100)) == 0
                        && statuses().getOrDefault(OutboxMessage.Status.SENDING, 0L) == 0) {
                    return;
                }
            } catch (RuntimeException databaseDown) {
                Thread.sleep(500);
            }
        }
    }

    @Test
    void theDatabaseStoppingMidDispatchLosesNothingAndSendsNothingTwice() throws Exception {
        due(30, "restart");
        // When Twilio takes the tenth message, the database stops; it is back two seconds later.
        onRequest.put(10, () -> {
            database.cut();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                database.restore();
            });
        });
        // A short lease, so a claim whose answer was lost with the connection is taken again within the test.
        OutboxDispatcher dispatcher = dispatcher(Duration.ofSeconds(8));
        dispatchUntilQuiet(dispatcher);

        assertThat(received).as("each message reached Twilio").hasSize(30);
        assertThat(received.values()).as("and exactly once").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(statuses()).isEqualTo(Map.of(OutboxMessage.Status.SENT, 30L));
    }

    @Test
    void anInstanceStoppedMidSendIsFinishedByTheOtherWithNothingSentTwice() throws Exception {
        due(20, "killed");
        OutboxDispatcher first = dispatcher(Duration.ofSeconds(3));
        // The first instance stops for good while Twilio holds its fifth message: it never hears back.
        var stopped = new java.util.concurrent.CountDownLatch(1);
        var fifthReceived = new java.util.concurrent.CountDownLatch(1);
        onRequest.put(5, () -> {
            fifthReceived.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread dead = Thread.ofVirtual().start(() -> {
            try {
                asCoordinator(() -> first.dispatchDue(100));
            } catch (RuntimeException ignored) {
                // Whatever it does once it wakes at the end of the test, it is too late.
            }
        });
        assertThat(fifthReceived.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // The other instance comes along once the stopped one's 3 s leases have run out: its clock is 4 s on, so the
        // test does not wait for them.
        OutboxDispatcher second = dispatcher(Duration.ofSeconds(30), Clock.offset(clock, Duration.ofSeconds(4)));
        try {
            dispatchUntilQuiet(second);

            assertThat(received.values()).as("nothing reached Twilio twice").allSatisfy(n -> assertThat(n.get())
                    .isEqualTo(1));
            assertThat(received).hasSize(20);
            Map<OutboxMessage.Status, Long> statuses = statuses();
            assertThat(statuses.get(OutboxMessage.Status.SENT)).isEqualTo(19L);
            // The one Twilio took as the first instance stopped is not sent again: coordinators see it, with why.
            assertThat(statuses.get(OutboxMessage.Status.FAILED)).isEqualTo(1L);
            OutboxMessage interrupted = asCoordinator(() -> documents.find(Query.query(Criteria.where("status")
                    .is(OutboxMessage.Status.FAILED)), OutboxMessage.class)).getFirst();
            assertThat(interrupted.getFailureReason()).isEqualTo(OutboxDispatcher.INTERRUPTED);
            assertThat(interrupted.getBody()).isEqualTo(inOrder.get(4));

            // Should the stopped instance wake after all, its lease is gone: it records nothing over the outcome.
            stopped.countDown();
            dead.join(Duration.ofSeconds(40));
            assertThat(received.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(asCoordinator(() -> documents.getById(interrupted.requireId(), OutboxMessage.class))
                    .getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
        } finally {
            stopped.countDown();
        }
    }

    @Test
    void twilioBusyFailingSlowOrGarbledIsTriedWithinThePolicyAndWhatFinallyFailsShowsWhy() throws Exception {
        try (var flaky = new MockWebServer()) {
            var answers = (mockwebserver3.QueueDispatcher) flaky.getDispatcher();
            answers.setFailFast(new MockResponse.Builder().code(418).build());
            flaky.start();
            flaky.enqueue(new MockResponse.Builder().code(429).body("{\"code\": 20429, \"message\": \"Too Many"
                    + " Requests\", \"status\": 429}").build());
            // Slower than the time-out: given up on and tried again.
            flaky.enqueue(new MockResponse.Builder().code(201).headersDelay(3, java.util.concurrent.TimeUnit.SECONDS)
                    .body("{\"sid\": \"SMslow\"}").build());
            flaky.enqueue(new MockResponse.Builder().code(201).body("<html>not what Twilio says</html>").build());
            for (int i = 0; i < 4; i++) { // the SDK itself tries a 5xx answer three more times
                flaky.enqueue(new MockResponse.Builder().code(503).body("{\"code\": 20503, \"message\": \"Service"
                        + " Unavailable\", \"status\": 503}").build());
            }
            var sms = new TwilioSms(flaky.url("/").toString(), new PortalAddress("https://portal.example.org"),
                    true, Duration.ofSeconds(1));
            var dispatcher = new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(sms),
                    clock, Duration.ofMinutes(2), new RetryPolicy(Duration.ZERO, Duration.ZERO, 4));
            due(1, "flaky");
            for (int round = 0; round < 4; round++) {
                asCoordinator(() -> dispatcher.dispatchDue(10));
            }
            OutboxMessage failed = asCoordinator(() -> outbox.latest(10)).getFirst();
            assertThat(failed.getStatus()).isEqualTo(OutboxMessage.Status.FAILED);
            assertThat(failed.getAttempts()).extracting(OutboxMessage.Attempt::outcome).containsExactly(
                    OutboxMessage.Attempt.Outcome.RETRY, OutboxMessage.Attempt.Outcome.RETRY,
                    OutboxMessage.Attempt.Outcome.RETRY, OutboxMessage.Attempt.Outcome.FAILED);
            // (The SDK answers a 429 and a 5xx by trying again itself before the dispatcher sees anything.)
            assertThat(failed.getAttempts()).extracting(OutboxMessage.Attempt::detail).anySatisfy(detail -> assertThat(
                    detail).containsIgnoringCase("timed out")).anySatisfy(detail -> assertThat(detail).contains(
                            "Unexpected character"));
            assertThat(failed.getAttempts()).extracting(OutboxMessage.Attempt::code).doesNotContainNull()
                    .contains("no-answer");
            assertThat(failed.getFailureReason()).as("what coordinators read").isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void aMailServerThatRefusesOrDropsTheConnectionIsTriedAgainAndFinallyShowsWhy() throws Exception {
        try (var dropping = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            // Takes the connection and drops it at once, before any greeting.
            Thread.ofVirtual().start(() -> {
                while (!dropping.isClosed()) {
                    try {
                        dropping.accept().close();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            int refusing;
            try (var unused = new java.net.ServerSocket(0)) {
                refusing = unused.getLocalPort(); // closed again: nothing listens there
            }
            for (int port : new int[] {refusing, dropping.getLocalPort()}) {
                var sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
                sender.setHost("127.0.0.1");
                sender.setPort(port);
                sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
                sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
                var dispatcher = new OutboxDispatcher(records, settings, replies, participants, outbox,
                        List.of(new SmtpEmail(sender, "portal@example.org")), clock, Duration.ofMinutes(2),
                        new RetryPolicy(Duration.ZERO, Duration.ZERO, 3));
                String key = "mail-" + port;
                OutboxMessage message = asCoordinator(() -> outbox.enqueue(new NewMessage(key, MessagePurpose.TEST,
                        Channel.EMAIL, "someone@example.org", null, null, Locale.ENGLISH, "Subject", "Body", null,
                        Instant.now().minusSeconds(1))));
                for (int round = 0; round < 3; round++) {
                    asCoordinator(() -> dispatcher.dispatchDue(10));
                }
                OutboxMessage failed = asCoordinator(() -> documents.getById(message.requireId(),
                        OutboxMessage.class));
                assertThat(failed.getStatus()).as("port " + port).isEqualTo(OutboxMessage.Status.FAILED);
                assertThat(failed.getAttempts()).extracting(OutboxMessage.Attempt::outcome).containsExactly(
                        OutboxMessage.Attempt.Outcome.RETRY, OutboxMessage.Attempt.Outcome.RETRY,
                        OutboxMessage.Attempt.Outcome.FAILED);
                assertThat(failed.getFailureReason()).isNotBlank();
            }
        }
    }
}
