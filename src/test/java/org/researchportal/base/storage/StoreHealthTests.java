package org.researchportal.base.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.researchportal.PortalTest;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health on the embedded default: UP while the wire server answers, DOWN in one log line when it does not. */
@ExtendWith(OutputCaptureExtension.class)
class StoreHealthTests extends PortalTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWhileTheEmbeddedStoreAnswers() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aStoreThatDoesNotAnswerIsDownInOneLogLine(CapturedOutput output) {
        try (var unreachable = MongoClients.create(
                "mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
            Health health = new WireServerHealth(unreachable, "research-portal").health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        }
        List<String> lines = output.getOut().lines().toList();
        int logged = lines.indexOf(lines.stream().filter(l -> l.contains("did not answer a health check"))
                .reduce((a, b) -> b).orElseThrow());
        assertThat(lines.stream().filter(l -> l.contains("did not answer a health check"))).hasSize(1);
        assertThat(lines.subList(logged + 1, lines.size())).noneMatch(l -> l.startsWith("\tat "));
    }
}
