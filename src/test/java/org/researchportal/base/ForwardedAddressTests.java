package org.researchportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.GuessingLimit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal behind a proxy it was told to trust (the test profile names loopback, as a proxy on the same machine
 * would be): a client's address is the right-most one in {@code X-Forwarded-For} that no trusted proxy wrote, so a
 * header the client made up neither lifts the guessing limits nor turns them on someone else. And no redirect takes
 * its host from the request.
 */
class ForwardedAddressTests extends PortalTest {

    @LocalServerPort
    int port;
    @Autowired
    GuessingLimit apiTokenGuesses;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void forgetGuesses() {
        apiTokenGuesses.clear();
    }

    /** A call through the proxy: the client sent {@code claimed} (may be empty), the proxy appended {@code client}. */
    private int apiCall(String claimed, String client, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/studies"))
                .header("X-Forwarded-For", claimed.isEmpty() ? client : claimed + ", " + client)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void rotatingTheForwardedAddressDoesNotLiftTheLimit() throws Exception {
        String guesser = "203.0.113.77";
        for (int i = 0; i < apiTokenGuesses.perMinute(); i++) {
            assertThat(apiCall("198.51.100." + i, guesser, "rp_guess-" + i)).isEqualTo(401);
        }
        assertThat(apiCall("198.51.100.200", guesser, "rp_guess-again")).as("a new made-up address changes nothing")
                .isEqualTo(429);
        assertThat(apiCall("", guesser, demoToken("fudan"))).as("the guesser's own address is still turned away")
                .isEqualTo(429);
    }

    @Test
    void sendingSomeoneElsesAddressDoesNotLockThemOut() throws Exception {
        String victim = "198.51.100.23";
        for (int i = 0; i <= apiTokenGuesses.perMinute(); i++) {
            apiCall(victim, "203.0.113.66", "rp_guess-" + i);
        }
        assertThat(apiCall("", victim, demoToken("fudan"))).as("the person whose address was named").isEqualTo(200);
    }

    @Test
    void aRedirectNeverTakesItsHostFromTheRequest() throws Exception {
        for (String path : new String[] {"/coordinator", "/no-such-view", "/"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
            String location = answer.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                    .orElse("");
            assertThat(answer).as(path).doesNotContainIgnoringCase("evil.example");
            if (!location.isEmpty()) {
                String target = location.substring("Location:".length()).strip();
                assertThat(target.startsWith("/") || target.startsWith("http://localhost:" + port + "/"))
                        .as(path + " redirects to " + target).isTrue();
            }
        }
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
