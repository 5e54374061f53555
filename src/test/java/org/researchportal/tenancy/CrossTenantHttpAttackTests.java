package org.researchportal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.messaging.Channel;
import org.researchportal.messaging.MessagePurpose;
import org.researchportal.messaging.MessagingSettingsService;
import org.researchportal.messaging.NewMessage;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.messaging.TwilioSignatures;
import org.researchportal.participants.Participant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The same attack over HTTP, on everything outside Vaadin: Fudan's people, signed in with a session, ask for Lakeside's
 * videos, captions and pictures by id; Fudan's API token asks for Lakeside's exports; another institution's Twilio
 * account signs delivery reports and STOP replies about Lakeside's messages and numbers; signed links are tried with
 * Lakeside's ids; FHIR reads and searches use Lakeside's ids. Every answer is "not found" (or the sign-in page), no body carries Lakeside's data, and Lakeside is
 * byte-for-byte what it was.
 */
class CrossTenantHttpAttackTests extends PortalTest {

    private static final String VICTIM = "lakeside";

    @LocalServerPort
    int port;
    @Autowired
    MongoOperations mongo;
    @Autowired
    TenantService tenants;
    @Autowired
    MessagingSettingsService settings;
    @Autowired
    Outbox outbox;

    @Test
    void lakesidesIdsOverHttpFindNothingAndChangeNothing() throws Exception {
        // Lakeside has a sent SMS with the provider's id, as after a real dispatch.
        OutboxMessage lakesideSms = asSystem(VICTIM, Set.of(PortalRole.COORDINATOR), () -> outbox.enqueue(
                new NewMessage("attack-target-" + UUID.randomUUID(), MessagePurpose.TEST, Channel.SMS,
                        "+447911123401", null, null, Locale.ENGLISH, null, "Lakeside's own", null,
                        Instant.now().plusSeconds(3600))));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(lakesideSms.requireId())),
                new Update().set("providerId", "SMlakeside0001"), OutboxMessage.class);
        String lakesidePhone = mongo.find(Query.query(Criteria.where("tenantId").is(VICTIM)), Participant.class)
                .stream().map(Participant::getPhone).filter(p -> p != null).findFirst().orElseThrow();

        // Another institution with its own, genuine Twilio account.
        String attacker = "atk" + UUID.randomUUID().toString().substring(0, 8);
        String account = "AC" + UUID.randomUUID().toString().replace("-", "");
        String authToken = UUID.randomUUID().toString().replace("-", "");
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(attacker, "Attacker", "UTC"));
        asSystem(attacker, Set.of(PortalRole.TENANT_ADMIN), () -> settings.save(account, authToken, null,
                "+15005550006", null));

        Map<String, String> before = TenantSnapshot.of(mongo, VICTIM);
        List<String> ids = TenantSnapshot.ids(mongo, VICTIM, 5);
        assertThat(ids).hasSizeGreaterThan(40);
        List<String> secrets = List.of(lakesidePhone, "STRIDE-K", "Alex Sample", "Lakeside's own");

        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        List<HttpClient> sessions = new ArrayList<>();
        for (String user : List.of("fudan.participant", "fudan.therapist", "fudan.clinician", "fudan.coordinator",
                "fudan.admin", "fudan.assessor")) {
            sessions.add(signedInClient(user));
        }
        String apiToken = demoToken("fudan");
        for (String id : ids) {
            for (HttpClient session : sessions) {
                for (String path : List.of("/media/videos/" + id, "/media/videos/" + id + "/captions/en.vtt",
                        "/media/videos/" + id + "/captions/zh-CN.vtt", "/media/pictures/" + id)) {
                    expect(send(session, get(path)), 404, path, statuses, wrong, secrets);
                }
            }
            for (String path : List.of("/api/v1/studies/" + id + "/export.csv",
                    "/api/v1/studies/" + id + "/export.odm.xml")) {
                expect(send(HttpClient.newHttpClient(), get(path).header("Authorization", "Bearer " + apiToken)),
                        404, path, statuses, wrong, secrets);
            }
            // FHIR: a read by Lakeside's id is not found, a search by it finds nothing.
            for (String path : List.of("/api/fhir/ResearchStudy/" + id, "/api/fhir/ResearchSubject/" + id,
                    "/api/fhir/QuestionnaireResponse/" + id + "." + id)) {
                expect(send(HttpClient.newHttpClient(), get(path).header("Authorization", "Bearer " + apiToken)),
                        404, path, statuses, wrong, secrets);
            }
            for (String path : List.of("/api/fhir/ResearchSubject?study=" + id,
                    "/api/fhir/QuestionnaireResponse?subject=ResearchSubject/" + id)) {
                HttpResponse<String> found = send(HttpClient.newHttpClient(), get(path).header("Authorization",
                        "Bearer " + apiToken));
                expect(found, 200, path.replace("?", "/?"), statuses, wrong, secrets);
                if (found.body().contains("\"entry\"")) {
                    wrong.add(path + " found something");
                }
            }
        }
        // REDCap's API with Fudan's assessor token: Lakeside's ids as records find nothing and import nothing.
        String redcapToken = demoRedcapToken("fudan", PortalRole.ASSESSOR);
        for (String id : ids) {
            expect(send(HttpClient.newHttpClient(), redcapPost(redcapToken, "content", "record", "format", "json",
                    "records", id)), 200, "/redcap/api/ record export", statuses, wrong, secrets);
            expect(send(HttpClient.newHttpClient(), redcapPost(redcapToken, "content", "record", "format", "json",
                    "data", "[{\"record_id\":\"" + id + "\",\"redcap_event_name\":\"baseline_arm_1\",\"stiffness\":"
                            + "\"1\"}]")), 400, "/redcap/api/ record import", statuses, wrong, secrets);
        }
        for (int n = 1; n <= 12; n++) {
            expect(send(HttpClient.newHttpClient(), redcapPost(redcapToken, "content", "record", "format", "csv",
                    "records", String.format("STRIDE-K-L%02d", n))), 200, "/redcap/api/ record export", statuses,
                    wrong, secrets);
        }

        // A link made of an id is no link: it leads to the sign-in page, or to "too many tries" once this address
        // has guessed enough (ten tries: the limit on guessing links is tested on its own).
        for (String id : ids.subList(0, 10)) {
            HttpResponse<String> link = send(HttpClient.newHttpClient(), get("/l/" + id));
            statuses.merge("/l/{id} " + link.statusCode(), 1, Integer::sum);
            boolean toSignIn = link.statusCode() == 302
                    && link.headers().firstValue("Location").orElse("").endsWith("/login");
            if (!toSignIn && link.statusCode() != 429) {
                wrong.add("/l/" + id + " answered " + link.statusCode() + " " + link.headers().map());
            }
        }

        // Lakeside's message and number, reported on and replied from under the attacker's genuine account.
        String status = "/webhooks/twilio/status";
        Map<String, String> report = Map.of("AccountSid", account, "MessageSid", "SMlakeside0001",
                "MessageStatus", "undelivered", "ErrorCode", "30003");
        expect(send(HttpClient.newHttpClient(), signedPost(status, report, authToken)), 204, status, statuses, wrong,
                secrets);
        String inbound = "/webhooks/twilio/inbound";
        Map<String, String> stop = Map.of("AccountSid", account, "From", lakesidePhone, "Body", "STOP");
        expect(send(HttpClient.newHttpClient(), signedPost(inbound, stop, authToken)), 200, inbound, statuses, wrong,
                secrets);

        System.out.printf("Cross-tenant HTTP attack: %d ids, answers %s%n", ids.size(), statuses);
        assertThat(wrong).as("answers other than not found").isEmpty();
        assertThat(TenantSnapshot.of(mongo, VICTIM)).as("Lakeside afterwards").isEqualTo(before);
        // The attacker's own STOP landed in the attacker's tenant, where that number has no messages.
        assertThat(mongo.getCollection("sms_opt_outs").countDocuments(new org.bson.Document("tenantId", attacker)))
                .isEqualTo(1);
    }

    private static void expect(HttpResponse<String> response, int status, String path, Map<String, Integer> statuses,
            List<String> wrong, List<String> secrets) {
        statuses.merge(path.replaceAll("/[0-9a-f]{24}|/lakeside[.a-z]*|/[A-Za-z0-9_-]{20,}", "/{id}") + " "
                + response.statusCode(), 1, Integer::sum);
        if (response.statusCode() != status) {
            wrong.add(path + " answered " + response.statusCode());
        }
        secrets.stream().filter(response.body()::contains)
                .forEach(secret -> wrong.add(path + " answered with " + secret));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    private HttpRequest.Builder signedPost(String path, Map<String, String> params, String authToken)
            throws Exception {
        String signature = TwilioSignatures.sign(authToken, uri(path).toString(), params);
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(
                        TwilioSignatures.form(params)));
    }

    private HttpRequest.Builder redcapPost(String token, String... pairs) {
        StringBuilder body = new StringBuilder("token=").append(token);
        for (int i = 0; i < pairs.length; i += 2) {
            body.append('&').append(pairs[i]).append('=').append(java.net.URLEncoder.encode(pairs[i + 1],
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(uri("/redcap/api/")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
