package org.researchportal;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.messaging.Channel;
import org.researchportal.messaging.MessagingSettingsService;
import org.researchportal.messaging.TestMessages;
import org.researchportal.messaging.TwilioStandIn;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 9, scale-out: two, then three whole portal instances (web server, Vaadin, schedulers) on one database, the
 * embedded wire server of the first standing in for a replica set. The first is this test's own; the others are
 * separate JVMs started from the same class path, as a hospital would run them (one JVM cannot hold two: Spring
 * Security's context holder is one per JVM). Their timers fire at once and often. Each planning round must run in one
 * instance, and every message must reach Twilio (a local stand-in) exactly once. A person's session lives in the
 * instance they signed in to, which is why the load balancer keeps them there. Runs in a JVM of its own (its own
 * surefire execution), since its schedulers are on.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ScaleOutTests {

    private static final Set<PortalRole> ADMIN = EnumSet.of(PortalRole.TENANT_ADMIN, PortalRole.COORDINATOR);
    /** Every instance's timers fire at once and often, so that they meet. */
    private static final List<String> SCHEDULES = List.of(
            "portal.messaging.dispatch.enabled=true",
            "portal.messaging.dispatch.every=PT0.2S",
            "portal.messaging.planning.first=PT0S",
            "portal.followup.planning.enabled=true",
            "portal.followup.planning.first=PT0S");
    /** What the Twilio stand-in was asked to send, by recipient. */
    private static final TwilioStandIn TWILIO = TwilioStandIn.start();
    private static final List<Process> OTHERS = new ArrayList<>();

    @Autowired
    MongoServer embeddedMongoServer;
    @Autowired
    MongoOperations mongo;
    @Autowired
    TestMessages testMessages;
    @Autowired
    TenantService tenants;
    @Autowired
    MessagingSettingsService messagingSettings;
    @LocalServerPort
    int port;

    private final List<URI> instances = new ArrayList<>();
    private int messages;

    @DynamicPropertySource
    static void schedulesOnAndTwilioHere(DynamicPropertyRegistry registry) {
        for (String setting : SCHEDULES) {
            String[] pair = setting.split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
        registry.add("portal.messaging.twilio.api-base", TWILIO::address);
    }

    @AfterAll
    static void stopAll() {
        OTHERS.forEach(Process::destroy);
        TWILIO.close();
    }

    @Test
    void scheduledWorkRunsOnceAcrossInstancesAndSessionsStayWithTheirOwn() throws Exception {
        instances.add(URI.create("http://localhost:" + port)); // this one has seeded the demo tenants
        instances.add(startAnother());
        String tenant = tenantSendingThroughTwilio();
        theRoundsRanOnce();
        eachMessageSentOnce(tenant, 40);
        eachSessionWorksOnItsOwnInstance();

        instances.add(startAnother());
        theRoundsRanOnce();
        eachMessageSentOnce(tenant, 60);
        eachSessionWorksOnItsOwnInstance();
    }

    /** Another portal in a JVM of its own on this one's database, with the same keys and schedules; its address. */
    private URI startAnother() throws Exception {
        int otherPort = freePort();
        String classPath = String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path")
                .split(File.pathSeparator)).filter(entry -> !entry.contains("surefire")).toList());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx768m", "-Duser.timezone=UTC", "-cp", classPath, PortalApplication.class.getName(),
                "--spring.profiles.active=test", "--server.port=" + otherPort, "--portal.demo.enabled=false",
                "--MONGODB_URI=mongodb://127.0.0.1:" + embeddedMongoServer.getLocalAddress().getPort()
                        + "/research-portal", "--portal.messaging.twilio.api-base=" + TWILIO.address()));
        SCHEDULES.forEach(setting -> command.add("--" + setting));
        File log = Path.of("target", "scale-out-" + otherPort + ".log").toFile();
        Process other = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        OTHERS.add(other);
        URI address = URI.create("http://localhost:" + otherPort);
        HttpClient http = HttpClient.newHttpClient();
        waitFor("the instance on port " + otherPort + " (see " + log + ")", Duration.ofMinutes(3), () -> {
            assertThat(other.isAlive()).as("the instance on port %d is running; see %s", otherPort, log).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(address.resolve("/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return address;
    }

    /** Each planning round of each demo tenant was taken once, however many instances' timers fired. */
    private void theRoundsRanOnce() {
        for (String round : List.of("reminder-planning/fudan", "reminder-planning/lakeside", "call-planning/fudan",
                "call-planning/lakeside")) {
            waitFor(round, Duration.ofSeconds(30), () -> mongo.getCollection("sweep_rounds")
                    .countDocuments(new Document("_id", round)) > 0);
        }
        sleep(Duration.ofSeconds(1)); // every instance's first planning round has fired by now
        for (Document round : mongo.getCollection("sweep_rounds").find()) {
            if (round.getString("_id").contains("-planning/")) {
                assertThat(round.getInteger("taken")).as(round.toJson()).isEqualTo(1);
            }
        }
    }

    /** Test messages queued: every recipient gets exactly one, whichever instance dispatched it. */
    private void eachMessageSentOnce(String tenant, int count) {
        for (int i = 0; i < count; i++) {
            String to = "+861380012%04d".formatted(messages++);
            SystemActor.callAs("test", tenant, ADMIN, () -> testMessages.send(Channel.SMS, to, "en"));
        }
        waitFor(messages + " messages at Twilio", Duration.ofSeconds(30),
                () -> TWILIO.countByRecipient().size() == messages);
        sleep(Duration.ofSeconds(1)); // five more dispatch rounds on every instance: nothing is sent again
        assertThat(TWILIO.countByRecipient()).hasSize(messages)
                .allSatisfy((to, times) -> assertThat(times).as(to).isEqualTo(1L));
        assertThat(mongo.getCollection("outbox_messages")
                .countDocuments(new Document("tenantId", tenant).append("status", "SENT"))).isEqualTo(messages);
    }

    /**
     * A clinician signs in to each instance and works there. Their session cookie, taken to another instance, is
     * unknown there: without a load balancer that keeps them on theirs, they would be sent back to sign in.
     */
    private void eachSessionWorksOnItsOwnInstance() throws Exception {
        List<VaadinBrowser> browsers = new ArrayList<>();
        for (URI instance : instances) {
            VaadinBrowser browser = VaadinBrowser.signIn(instance, "fudan.clinician", PortalTest.PASSWORD);
            assertThat(browser.open("clinician")).contains("Dr Clinician Demo");
            browsers.add(browser);
        }
        for (int i = 0; i < instances.size(); i++) {
            URI elsewhere = instances.get((i + 1) % instances.size());
            assertThat(browsers.get(i).elsewhere(elsewhere).open("clinician")).doesNotContain("Dr Clinician Demo")
                    .contains("login");
            assertThat(browsers.get(i).navigate("screening")).as("still signed in at home")
                    .contains("New candidate");
        }
    }

    private String tenantSendingThroughTwilio() {
        String tenant = "scaleout";
        SystemActor.callAs("test", null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Scale-out",
                "UTC"));
        SystemActor.callAs("test", tenant, ADMIN, () -> messagingSettings.save("AC" + "5".repeat(32),
                "scaleouttoken0123456789abcdef012", null, "+15005550006", null));
        return tenant;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitFor(String what, Duration limit, BooleanSupplier done) {
        long until = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(until);
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
