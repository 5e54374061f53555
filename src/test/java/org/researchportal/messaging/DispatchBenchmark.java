package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.benchmarks.BenchmarkReport;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.tenancy.TenantDocuments;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 9, figure 3: messages per second through the whole outbox (claim, mark, send through the Twilio SDK to a local
 * stand-in, record) against the same SDK sending to the same stand-in directly, with the same number of threads.
 * Target (issue 19): at least 80% of the raw rate, and at least 1,000 messages a second, on the default file store.
 *
 * <p>{@code -Dbenchmarks.store=file} (the default, as {@code spring-boot:run} starts the portal: the H2 file store, in a
 * fresh folder) or {@code memory} (the tests' store); each store writes its own section of the report. One store per
 * run: the portal's tests share one Spring context per JVM.
 */
class DispatchBenchmark extends PortalTest {

    private static final int MESSAGES = Integer.getInteger("benchmarks.messages", 1000);
    private static final int THREADS = 4;
    private static final int RUNS = Integer.getInteger("benchmarks.runs", 5);
    private static final String STORE = System.getProperty("benchmarks.store", "file");

    /** What bound the rate, and the changes measured (kept by hand: the figures above are rewritten each run). */
    private static final String READING = """

            Reading (issue 19). Before the outbox changes, reached the same way: file store 195 a second (5% of \
            raw 3911; outbox alone 231), memory 266 (9% of raw 3052; alone 292); through the tests' relayed link \
            they had been 132 and 194. What bound it: each message was claimed by a findAndModify naming its id \
            and the tenant. The embedded store used its own _id index only for a query naming the id alone, so \
            it took the tenant prefix of a declared index and read (on the file store also sorted, by comparing \
            Java-serialised keys) every message of the tenant, for every claim: the JFR profile was almost all \
            that scan. Changed: a page of due messages (found by status at the top of the query) is claimed by \
            one update under the claim's own name and one read; the page's STOP answers are read at once (again \
            when older than a second); early delivery reports are looked up once per page; the embedded store now answers a query naming \
            the id and the tenant through its _id index (issue 19), so the hand-over mark and the outcome find \
            their message at once. After: 480 a second on the file store measured beside other builds, the \
            figures above on a quiet machine. What binds now: the two \
            shared cores. Each message still makes two writes of its own, the hand-over mark and the outcome: \
            two wire round trips, and on the file store two Java serialisations of the whole document under the \
            collection's lock; the Twilio SDK's own work competes for the same cores. Reaching 80% needs those \
            writes in bulk (the page's marks at once, the outcomes in one bulk write), which changes what a \
            crash mid-page leaves behind (messages marked handed over but never sent would fail as "interrupted" \
            instead of being sent by the next instance): not done without that decision. Runs are noisy (other \
            builds share the cores); the first of each is the slowest (JIT).
            """;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("portal.storage.embedded.store", () -> STORE);
        // The database as production reaches it: straight to the wire server, not through the tests' cuttable link.
        registry.add("portal.test.database-link", () -> "false");
        if ("file".equals(STORE)) {
            try {
                var folder = Files.createTempDirectory("dispatch-benchmark");
                folder.toFile().deleteOnExit();
                registry.add("portal.storage.embedded.data-dir", folder::toString);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

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
    SmsReplies replies;
    @Autowired
    ParticipantContacts participants;
    @Autowired
    Clock clock;

    private TwilioStandIn twilio;

    @Test
    void outboxAgainstTheRawSdk() throws Exception {
        // The JDK's own HTTP server as the stand-in: it answers at once and adds no delay of its own.
        twilio = TwilioStandIn.start();
        try {
            URI base = URI.create(twilio.address());
            List<Double> raw = new ArrayList<>();
            List<Double> throughOutbox = new ArrayList<>();
            List<Double> outboxAlone = new ArrayList<>();
            rawRate(base, 200); // warm-up: connections, JIT
            outboxRate(base, 200);
            for (int run = 0; run < RUNS; run++) {
                raw.add(rawRate(base, MESSAGES));
                throughOutbox.add(outboxRate(base, MESSAGES));
                outboxAlone.add(outboxAloneRate(MESSAGES));
            }
            double rawMedian = BenchmarkReport.median(raw);
            double outboxMedian = BenchmarkReport.median(throughOutbox);
            double share = outboxMedian / rawMedian;
            boolean file = "file".equals(STORE);
            String storeName = file ? "the H2 file store (the default)" : "the in-memory store";
            BenchmarkReport.section(file ? "dispatch" : "dispatch-memory", """
                    %s Message dispatch, %s

                    %d SMS per run, %d threads, %d runs alternating; the Twilio SDK 13 to a local HTTP stand-in \
                    (the JDK's HTTP server answering 201 at once); the database the embedded wire server on %s \
                    (`-Dbenchmarks.store=%s`), reached directly as in production (not through the tests' link).

                    | on the %s store | messages per second (median) | runs |
                    |---|---|---|
                    | raw SDK, `Message.creator(...).create(client)` | %.0f | %s |
                    | whole outbox: claim, consent and STOP checks, mark, send, record | %.0f | %s |
                    | outbox alone (a sender that answers at once) | %.0f | %s |
                    | outbox as a share of raw | %.0f%% | target 80%% or more |

                    Target on %s: at least 80%% of the raw rate and at least 1,000 messages per second: %s.
                    %s""".formatted(file ? "## 3." : "### 3, again:", storeName, MESSAGES, THREADS, RUNS, storeName,
                    STORE, STORE, rawMedian, rounded(raw), outboxMedian, rounded(throughOutbox),
                    BenchmarkReport.median(outboxAlone), rounded(outboxAlone), share * 100, storeName,
                    share >= 0.8 && outboxMedian >= 1000 ? "met" : "missed", READING));
        } finally {
            twilio.close();
        }
    }

    private static String rounded(List<Double> rates) {
        return rates.stream().map(r -> String.valueOf(Math.round(r))).toList().toString();
    }

    private double rawRate(URI base, int count) throws Exception {
        var client = new TwilioRestClient.Builder("AC" + "0".repeat(32), "token")
                .httpClient(TwilioSms.httpClient(base, Duration.ofSeconds(15))).build();
        AtomicInteger next = new AtomicInteger();
        return timed(count, () -> {
            while (next.getAndIncrement() < count) {
                Message.creator(new PhoneNumber("+8613800000000"), new PhoneNumber("+15005550006"), "Benchmark")
                        .create(client);
            }
            return null;
        });
    }

    private double outboxRate(URI base, int count) throws Exception {
        var sms = new TwilioSms(base.toString(), new PortalAddress("https://portal.example.org"), true);
        return outboxRate(sms, count, true);
    }

    /** The outbox alone: a sender that answers "sent" at once, so only the database work is timed. */
    private double outboxAloneRate(int count) throws Exception {
        AtomicInteger sids = new AtomicInteger();
        MessageSender instant = new MessageSender() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public SendResult send(OutboxMessage message, ProviderSettings providers) {
                return new SendResult.Sent("SMinstant" + sids.incrementAndGet());
            }
        };
        return outboxRate(instant, count, false);
    }

    private double outboxRate(MessageSender sms, int count, boolean throughTwilio) throws Exception {
        String tenant = "b" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Benchmark", "UTC"));
        var roles = EnumSet.of(PortalRole.COORDINATOR, PortalRole.TENANT_ADMIN);
        asSystem(tenant, roles, () -> settings.save("AC" + UUID.randomUUID().toString().replace("-", ""),
                "benchmarktoken0123456789abcdef01", null, "+15005550006", null));
        for (int i = 0; i < count; i++) {
            int n = i;
            asSystem(tenant, roles, () -> outbox.enqueue(new NewMessage("bench-" + n, MessagePurpose.TEST,
                    Channel.SMS, "+8613800000000", null, null, Locale.ENGLISH, null, "Benchmark", null,
                    Instant.now().minusSeconds(1))));
        }
        var dispatcher = new OutboxDispatcher(records, settings, replies, participants, outbox, List.of(sms), clock,
                Duration.ofMinutes(2));
        int before = twilio.count();
        double rate = timed(count, () -> asSystem(tenant, roles, () -> dispatcher.dispatchDue(Integer.MAX_VALUE)));
        if (throughTwilio) {
            assertThat(twilio.count() - before).as("each message sent once").isEqualTo(count);
        }
        return rate;
    }

    /** Runs the work on the threads at once and answers count per second of wall time. */
    private static double timed(int count, Callable<?> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                running.add(pool.submit(work));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
