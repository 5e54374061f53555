package org.researchportal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.ApiTokenService;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API over real HTTP: bearer tokens only, one tenant and one role each, no arm for a blinded token. */
class ExportApiTests extends PortalTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    StudyService studies;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String studyOf(String user) {
        signIn(user);
        return studies.studies().getFirst().id();
    }

    @Test
    void withoutAGoodTokenNothingIsServed() throws Exception {
        String study = studyOf("fudan.clinician");
        assertThat(get("/api/v1/studies", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/studies", "rp_not-a-real-token-at-all-xxxxxxxxxxxxxxxxxxxxxxx").statusCode())
                .isEqualTo(401);
        HttpResponse<String> refused = get("/api/v1/studies/" + study + "/export.csv", "rp_guess");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("RE-MS");
    }

    @Test
    void anUnknownApiPathIsAJsonNotFoundWithOrWithoutAToken() throws Exception {
        for (String token : new String[] {demoToken("fudan"), null}) {
            for (String path : new String[] {"/api/v1/no-such-thing", "/api/v1/studies/x/y/z", "/api/v2/studies"}) {
                HttpResponse<String> answer = get(path, token);
                assertThat(answer.statusCode()).as(path).isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type -> assertThat(
                        type).startsWith("application/json"));
                assertThat(answer.body()).as(path).contains("\"not_found\"").doesNotContainIgnoringCase("<html");
            }
        }
        assertThat(get("/api/v1/studies", null).statusCode()).as("a real path still wants a token").isEqualTo(401);
    }

    @Test
    void aClinicianTokenSeesItsTenantsStudyWithArmsAndNothingOfAnother() throws Exception {
        String fudanToken = demoToken("fudan");
        HttpResponse<String> listing = get("/api/v1/studies", fudanToken);
        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.body()).contains("RE-MS", "NCT06754293").doesNotContain("STRIDE-K");

        String fudanStudy = studyOf("fudan.clinician");
        HttpResponse<String> csv = get("/api/v1/studies/" + fudanStudy + "/export.csv", fudanToken);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("study_number,status,enrolled_on,arm,").contains("Exercise");

        String lakesideStudy = studyOf("lakeside.clinician");
        assertThat(get("/api/v1/studies/" + lakesideStudy + "/export.csv", fudanToken).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/studies/" + lakesideStudy + "/export.odm.xml", fudanToken).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAssessorTokenGetsExportsWithoutTheArmAndARevokedTokenNothing() throws Exception {
        signIn("fudan.assessor");
        String token = tokens.create("Assessor export", PortalRole.ASSESSOR);
        String study = studies.studies().getFirst().id();
        HttpResponse<String> csv = get("/api/v1/studies/" + study + "/export.csv", token);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).doesNotContain("arm").doesNotContain("Exercise").doesNotContain("Control");
        HttpResponse<String> odm = get("/api/v1/studies/" + study + "/export.odm.xml", token);
        assertThat(odm.statusCode()).isEqualTo(200);
        assertThat(odm.body()).contains("RE-MS-001").doesNotContain("ARM").doesNotContain("Exercise");

        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/studies/" + study + "/export.zip")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(entries(zip.body())).containsExactly("data.csv", "dictionary.csv");

        tokens.myTokens().stream().filter(t -> t.name().equals("Assessor export"))
                .forEach(t -> tokens.revoke(t.id()));
        assertThat(get("/api/v1/studies", token).statusCode()).isEqualTo(401);
        // (The demo's own REDCap token of this assessor stays.)
        assertThat(tokens.myTokens()).filteredOn(t -> t.name().equals("Assessor export"))
                .isNotEmpty().allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void aClinicianTokenGetsEveryTableInTheZip() throws Exception {
        String study = studyOf("fudan.clinician");
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/studies/" + study + "/export.zip")).header("Authorization", "Bearer " + demoToken("fudan"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(entries(zip.body())).contains("adverse_events.csv", "adherence.csv", "calls.csv");
    }

    private static java.util.List<String> entries(byte[] zip) throws java.io.IOException {
        var names = new java.util.ArrayList<String>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Autowired
    org.researchportal.base.security.GuessingLimit apiTokenGuesses;

    @Test
    void guessingTokensIsCutOffPerAddress() throws Exception {
        apiTokenGuesses.clear();
        try {
            for (int i = 0; i < apiTokenGuesses.perMinute(); i++) {
                assertThat(get("/api/v1/studies", "rp_guess-" + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> cutOff = get("/api/v1/studies", "rp_one-more-guess");
            assertThat(cutOff.statusCode()).isEqualTo(429);
            assertThat(cutOff.headers().firstValue("Retry-After")).contains("60");
            // For the rest of the minute not even a good token is looked up from that address.
            assertThat(get("/api/v1/studies", demoToken("fudan")).statusCode()).isEqualTo(429);
        } finally {
            apiTokenGuesses.clear();
        }
        assertThat(get("/api/v1/studies", demoToken("fudan")).statusCode()).isEqualTo(200);
    }
}
