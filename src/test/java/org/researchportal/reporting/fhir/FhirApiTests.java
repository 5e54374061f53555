package org.researchportal.reporting.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.ApiTokenService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FHIR R4 over real HTTP with real API tokens. Every resource an endpoint answers is checked by HAPI FHIR's validator
 * (one instance for the suite, see FhirValidation), each QuestionnaireResponse also against the Questionnaire it
 * names; an assessor's token yields no arm anywhere; another tenant's ids find nothing.
 */
class FhirApiTests extends PortalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    StudyService studies;

    private final HttpClient http = HttpClient.newHttpClient();
    /** Every answer of a test, checked for arms where that matters. */
    private final List<String> bodies = new ArrayList<>();
    /** What the validator found in this test's answers: checked after each test, so one run shows them all. */
    private final List<String> problems = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void everyAnswerWasValidR4() {
        assertThat(problems).isEmpty();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/fhir" + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        bodies.add(response.body());
        return response;
    }

    /** Fetches, expects 200 and FHIR JSON, validates the resource (or each entry and the bundle), answers it. */
    private JsonNode fetch(String path, String token) throws Exception {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/fhir+json"));
        JsonNode resource = JSON.readTree(response.body());
        if (resource.path("resourceType").asString().equals("Bundle")) {
            for (JsonNode entry : resource.path("entry")) {
                remember(entry.get("resource"));
            }
        } else {
            remember(resource);
        }
        FhirValidation.problems(response.body()).forEach(p -> problems.add(path + ": " + p));
        return resource;
    }

    private static void remember(JsonNode resource) {
        if (resource.path("resourceType").asString().equals("Questionnaire")) {
            FhirValidation.know(resource.toString());
        }
    }

    private JsonNode outcome(String path, String token, int status, String code) throws Exception {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/fhir+json"));
        JsonNode outcome = JSON.readTree(response.body());
        assertThat(outcome.path("resourceType").asString()).as(path).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").get(0).path("code").asString()).as(path).isEqualTo(code);
        FhirValidation.problems(response.body()).forEach(p -> problems.add(path + ": " + p));
        return outcome;
    }

    private static List<JsonNode> resources(JsonNode bundle) {
        List<JsonNode> found = new ArrayList<>();
        bundle.path("entry").forEach(e -> found.add(e.get("resource")));
        return found;
    }

    private String fudanStudy() {
        signIn("fudan.clinician");
        return studies.studies().getFirst().id();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Walks every resource kind as the token's holder; answers the subjects' and responses' bodies. */
    private List<JsonNode> walk(String token, String study) throws Exception {
        JsonNode metadata = fetch("/metadata", token);
        assertThat(metadata.path("fhirVersion").asString()).isEqualTo("4.0.1");

        List<JsonNode> questionnaires = resources(fetch("/Questionnaire", token));
        assertThat(questionnaires).extracting(q -> q.path("name").asString()).contains("BPI_SF", "AI_ADHERENCE");
        for (JsonNode q : questionnaires) {
            fetch("/Questionnaire/" + q.path("id").asString(), token);
        }
        JsonNode bpi = resources(fetch("/Questionnaire?name=bpi&version=1", token)).getFirst();
        assertThat(resources(fetch("/Questionnaire?url=" + encode(bpi.path("url").asString()), token)))
                .allSatisfy(q -> assertThat(q.path("url").asString()).isEqualTo(bpi.path("url").asString()));

        List<JsonNode> studyList = resources(fetch("/ResearchStudy", token));
        assertThat(studyList).extracting(s -> s.path("title").asString()).hasSize(1);
        JsonNode researchStudy = fetch("/ResearchStudy/" + study, token);
        assertThat(researchStudy.path("identifier").toString()).contains("NCT06754293");
        assertThat(researchStudy.path("arm")).hasSize(2);

        List<JsonNode> seen = new ArrayList<>();
        JsonNode page = fetch("/ResearchSubject?study=ResearchStudy/" + study + "&_count=5", token);
        List<JsonNode> subjects = resources(page);
        assertThat(subjects).hasSize(5);
        assertThat(page.path("link").toString()).contains("\"next\"");
        fetch("/ResearchSubject?study=" + study + "&_count=5&_page=2", token);
        List<JsonNode> responses = new ArrayList<>();
        for (JsonNode subject : subjects) {
            String id = subject.path("id").asString();
            seen.add(fetch("/ResearchSubject/" + id, token));
            responses.addAll(resources(fetch("/QuestionnaireResponse?subject=ResearchSubject/" + id, token)));
        }
        assertThat(responses).as("the demo's recorded assessments").isNotEmpty();
        for (JsonNode response : responses) {
            seen.add(fetch("/QuestionnaireResponse/" + response.path("id").asString(), token));
        }
        JsonNode first = responses.getFirst();
        String subject = first.path("subject").path("reference").asString();
        String questionnaire = first.path("questionnaire").asString();
        assertThat(resources(fetch("/QuestionnaireResponse?subject=" + subject + "&questionnaire=" + encode(
                questionnaire), token))).allSatisfy(r -> assertThat(r.path("questionnaire").asString()).isEqualTo(
                        questionnaire));
        seen.addAll(subjects);
        return seen;
    }

    @Test
    void aClinicianTokenReadsEveryResourceKindAndEveryOneIsValidR4() throws Exception {
        String study = fudanStudy();
        List<JsonNode> seen = walk(demoToken("fudan"), study);
        List<JsonNode> subjects = seen.stream().filter(r -> r.path("resourceType").asString().equals(
                "ResearchSubject")).toList();
        assertThat(subjects).allSatisfy(s -> {
            assertThat(s.path("assignedArm").asString()).isIn("Exercise", "Control");
            assertThat(s.path("individual").path("identifier").path("value").asString()).startsWith("RE-MS-");
            assertThat(s.has("name")).isFalse();
        });
        assertThat(participantBodies()).as("no names or contact details").isNotEmpty().allSatisfy(
                body -> assertThat(body).doesNotContain("\"name\"", "telecom", "phone", "email", "birthDate"));
    }

    /** The answers about participants: ResearchSubjects and QuestionnaireResponses, alone or in bundles. */
    private List<String> participantBodies() {
        return bodies.stream().filter(b -> b.contains("\"resourceType\":\"ResearchSubject\"") || b.contains(
                "\"resourceType\":\"QuestionnaireResponse\"")).toList();
    }

    @Test
    void anAssessorTokenNeverYieldsAnArm() throws Exception {
        String study = fudanStudy();
        signIn("fudan.assessor");
        String token = tokens.create("FHIR assessor", PortalRole.ASSESSOR);
        walk(token, study);
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain("assignedArm", "actualArm"));
        assertThat(participantBodies()).isNotEmpty().allSatisfy(body -> assertThat(body).doesNotContain("Exercise",
                "Control", "锻炼"));
    }

    @Test
    void unknownIdsTypesAndSearchesAnswerOperationOutcomes() throws Exception {
        String token = demoToken("fudan");
        for (String path : List.of("/Questionnaire/no-such.1", "/Questionnaire/bpi-sf.999", "/Questionnaire/x_y",
                "/ResearchStudy/000000000000000000000000", "/ResearchSubject/000000000000000000000000",
                "/QuestionnaireResponse/000000000000000000000000.000000000000000000000000",
                "/QuestionnaireResponse/nodot", "/Patient", "/Patient/1", "/Questionnaire/a/b")) {
            outcome(path, token, 404, "not-found");
        }
        for (String path : List.of("/Questionnaire?colour=red", "/ResearchSubject", "/QuestionnaireResponse",
                "/ResearchSubject?study=x&_count=0", "/ResearchSubject?study=x&_count=abc",
                "/ResearchSubject?study=a&study=b", "/QuestionnaireResponse?subject=%22%3E%3Cscript%3E",
                "/metadata?_format=xml", "/Questionnaire?name=")) {
            outcome(path, token, 400, "invalid");
        }
        assertThat(get("/metadata", null).statusCode()).as("a token is still needed").isEqualTo(401);
    }

    @Test
    void anotherTenantsStudySubjectsAndResponsesAreNotThere() throws Exception {
        String fudan = demoToken("fudan");
        signIn("lakeside.clinician");
        String lakesideStudy = studies.studies().getFirst().id();
        String lakesideToken = tokens.create("FHIR lakeside", PortalRole.CLINICIAN);
        fetch("/Questionnaire", lakesideToken);
        JsonNode subject = resources(fetch("/ResearchSubject?study=" + lakesideStudy, lakesideToken)).getFirst();
        String subjectId = subject.path("id").asString();
        List<JsonNode> responses = resources(fetch("/QuestionnaireResponse?subject=" + subjectId, lakesideToken));

        assertThat(fetch("/ResearchStudy", fudan).toString()).doesNotContain("STRIDE-K", lakesideStudy);
        outcome("/ResearchStudy/" + lakesideStudy, fudan, 404, "not-found");
        outcome("/ResearchSubject/" + subjectId, fudan, 404, "not-found");
        assertThat(fetch("/ResearchSubject?study=" + lakesideStudy, fudan).path("entry").isMissingNode()).isTrue();
        assertThat(fetch("/QuestionnaireResponse?subject=" + subjectId, fudan).path("entry").isMissingNode())
                .isTrue();
        for (JsonNode response : responses) {
            outcome("/QuestionnaireResponse/" + response.path("id").asString(), fudan, 404, "not-found");
        }
        assertThat(fetch("/Questionnaire", fudan).toString()).contains("/fhir/fudan/").doesNotContain("lakeside");
    }
}
