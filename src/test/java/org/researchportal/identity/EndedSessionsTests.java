package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.VaadinBrowser;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.security.PortalRole;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;

/**
 * An administrator's decision ends the person's sessions at once, not at their next page: after deactivation or a
 * change of roles, the next request of any kind from any of their open sessions (a video, its captions, a picture,
 * Vaadin's UIDL round trip, a page) is refused, and a service call from a form still open fails.
 */
class EndedSessionsTests extends UiTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    MongoOperations mongo;

    private record Person(String id, String username) {}

    private Person newPerson(String tenant, PortalRole role) {
        String username = tenant + ".leaver-" + UUID.randomUUID().toString().substring(0, 8);
        String id = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(username,
                "Leaving " + role, null, "en", Set.of(role), PASSWORD)).id());
        return new Person(id, username);
    }

    private HttpResponse<String> get(HttpClient session, String path, String range) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (!range.isEmpty()) {
            request.header("Range", range);
        }
        return session.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fudan's demo video (with captions) and one of its pictures, as a therapist's page links them. */
    private List<String> fudanMedia() {
        Document video = mongo.findOne(Query.query(Criteria.where("tenantId").is("fudan").and("fileId").ne(null)
                .and("captions.0").exists(true)), Document.class, "exercise_videos");
        Document picture = mongo.findOne(Query.query(Criteria.where("tenantId").is("fudan")), Document.class,
                "exercise_pictures");
        assertThat(video).isNotNull();
        assertThat(picture).isNotNull();
        return List.of("/media/videos/" + video.get("_id"), "/media/videos/" + video.get("_id") + "/captions/en.vtt",
                "/media/pictures/" + picture.get("_id"));
    }

    @Test
    void aDeactivatedTherapistsOpenSessionsAreRefusedAtTheirNextRequestOfAnyKind() throws Exception {
        Person therapist = newPerson("fudan", PortalRole.THERAPIST);
        List<String> media = fudanMedia();
        // One open session per kind of request, so that each kind is the first request after the deactivation.
        List<VaadinBrowser> sessions = new ArrayList<>();
        for (int i = 0; i < media.size() + 2; i++) {
            sessions.add(browser(therapist.username()));
        }
        for (int i = 0; i < media.size(); i++) {
            assertThat(get(sessions.get(i).http(), media.get(i), i == 0 ? "bytes=0-99" : "").statusCode())
                    .as("before: " + media.get(i)).isIn(200, 206);
        }
        VaadinBrowser vaadin = sessions.get(media.size());
        assertThat(vaadin.open("manual")).contains("syncId");
        VaadinBrowser page = sessions.get(media.size() + 1);
        assertThat(get(page.http(), "/manual", "").statusCode()).isEqualTo(200);

        asSystem("fudan", Set.of(PortalRole.TENANT_ADMIN), () -> accounts.setActive(therapist.id(), false));

        for (int i = 0; i < media.size(); i++) {
            HttpResponse<String> after = get(sessions.get(i).http(), media.get(i), i == 0 ? "bytes=0-99" : "");
            assertThat(after.statusCode()).as("after: " + media.get(i)).isNotIn(200, 206);
            assertThat(after.body()).doesNotContain("WEBVTT");
        }
        HttpResponse<String> uidl = vaadin.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/?v-r=uidl&v-uiId=0")).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":1,"
                        + "\"clientId\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uidl.body()).as("Vaadin's round trip answers no UI").doesNotContain("\"syncId\"");
        HttpResponse<String> pageAfter = get(page.http(), "/manual", "");
        assertThat(pageAfter.statusCode()).isEqualTo(302);
        assertThat(pageAfter.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        // The sessions are over, not only refused once: the cookie signs nothing in any more.
        assertThat(get(sessions.getFirst().http(), "/manual", "").statusCode()).isEqualTo(302);
    }

    @Test
    void aChangedRoleEndsTheSessionAtItsNextRequest() throws Exception {
        Person therapist = newPerson("fudan", PortalRole.THERAPIST);
        String picture = fudanMedia().getLast();
        VaadinBrowser session = browser(therapist.username());
        assertThat(get(session.http(), picture, "").statusCode()).isEqualTo(200);

        asSystem("fudan", Set.of(PortalRole.TENANT_ADMIN), () -> accounts.changeRoles(therapist.id(),
                Set.of(PortalRole.COORDINATOR)));
        assertThat(get(session.http(), picture, "").statusCode()).isNotEqualTo(200);
        assertThat(get(session.http(), "/manual", "").statusCode()).isEqualTo(302);
    }

    @Test
    void anAssessorDeactivatedWithTheFormOpenSavesNothing() {
        Person assessor = newPerson("lakeside", PortalRole.ASSESSOR);
        signInToUi(assessor.username());
        String study = studies.studies().getFirst().id();
        DueAssessment due = assessments.worklist(study).stream().filter(d -> d.timepoint().equals("week_8"))
                .filter(d -> assessments.find(d.participantId(), "week_8", "stiffness").isEmpty()).findFirst()
                .orElseThrow();

        asSystem("lakeside", Set.of(PortalRole.TENANT_ADMIN), () -> accounts.setActive(assessor.id(), false));
        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "stiffness", LocalDate.now(),
                Map.of("stiffness", "4", "morning_minutes", "20"), null)).isInstanceOf(AccessDeniedException.class);

        signIn("lakeside.assessor");
        assertThat(assessments.find(due.participantId(), "week_8", "stiffness")).as("nothing saved").isEmpty();
    }

    @Test
    void anAssessorWhoseRolesChangedWithTheFormOpenSavesNothing() {
        Person assessor = newPerson("lakeside", PortalRole.ASSESSOR);
        signInToUi(assessor.username());
        String study = studies.studies().getFirst().id();
        DueAssessment due = assessments.worklist(study).stream().filter(d -> d.timepoint().equals("week_8"))
                .filter(d -> assessments.find(d.participantId(), "week_8", "bpi_sf").isEmpty()).findFirst()
                .orElseThrow();

        asSystem("lakeside", Set.of(PortalRole.TENANT_ADMIN), () -> accounts.changeRoles(assessor.id(),
                Set.of(PortalRole.COORDINATOR)));
        assertThatThrownBy(() -> assessments.record(due.participantId(), "week_8", "bpi_sf", LocalDate.now(),
                Map.of("worst", "8", "least", "2", "average", "5", "now", "5"), null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
