package org.researchportal.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9, figure 1: memory per signed-in session. Real HTTP sessions: each signs in through the sign-in form and opens
 * its dashboard as the browser does (Vaadin's bootstrap request, which builds the UI and the view on the server). The
 * heap retained after a full collection, less the heap before, divided by the sessions, at 50, 200 and 500 sessions
 * (each step adds to the last). Vaadin's published range is 50 KB to 1 MB per user; targets: participant 100 KB or
 * less, staff dashboards 300 KB or less.
 */
class SessionMemoryBenchmark extends PortalTest {

    private static final int[] SESSIONS = {50, 200, 500};
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Map<String, String> NAMES = Map.of("fudan.participant", "Zhang Demo", "fudan.therapist",
            "Therapist Demo", "fudan.clinician", "Dr Clinician Demo");

    @LocalServerPort
    int port;

    /** Kept so that nothing is collected: the server holds the sessions, the test holds the clients. */
    private final List<HttpClient> clients = new ArrayList<>();

    @Test
    void retainedHeapPerSession() throws Exception {
        Map<String, String> dashboards = new LinkedHashMap<>();
        dashboards.put("fudan.participant", "my-study");
        dashboards.put("fudan.therapist", "therapist");
        dashboards.put("fudan.clinician", "clinician");
        open("fudan.clinician", "clinician"); // warm-up: classes, caches and the first UI of its kind
        StringBuilder table = new StringBuilder();
        for (var role : dashboards.entrySet()) {
            clients.clear();
            long before = retainedHeap();
            List<String> perSession = new ArrayList<>();
            int opened = 0;
            for (int target : SESSIONS) {
                while (opened < target) {
                    clients.add(open(role.getKey(), role.getValue()));
                    opened++;
                }
                long kb = (retainedHeap() - before) / opened / 1024;
                perSession.add(kb + " KB");
            }
            table.append("| %s (`%s`) | %s |%n".formatted(role.getKey(), role.getValue(),
                    String.join(" | ", perSession)));
        }
        BenchmarkReport.section("memory", """
                ## 1. Memory per session

                Each session signs in through the form (BCrypt, Spring Security), makes Vaadin's bootstrap \
                request, and navigates to its dashboard as the browser's router does (a UIDL request with the \
                UI's CSRF token), so the server builds the layout and the view. Retained heap after a \
                full collection, less the heap before the role's first session, divided by the sessions open; the \
                steps add to one another. One run (each step is itself an average over its sessions).

                | signed in as | 50 sessions | 200 sessions | 500 sessions |
                |---|---|---|---|
                %s
                Targets: participant 100 KB or less, staff dashboards 300 KB or less (Vaadin's own range is 50 KB \
                to 1 MB per user).

                Measured in the test context (Vaadin in development mode) on the demo's RE-MS data, with \
                development mode's component tracker off (`vaadin.devmode.componentTracker.enabled=false`, set by \
                the profile), as production mode has it: with it on, development mode keeps a stack trace for \
                every component made, and the same run gave 463, 719 and 1,433 KB at 500 sessions. The bootstrap \
                request alone (no navigation, so no layout or view) retained 50 to 80 KB per session; the rest is \
                the layout and the dashboard's component tree.
                """.formatted(table));
    }

    /** A browser that signs in and opens its dashboard; answers it, its session still open on the server. */
    private HttpClient open(String username, String dashboard) throws Exception {
        HttpClient browser = signedInClient(username);
        HttpResponse<String> init = browser.send(HttpRequest.newBuilder(uri("/?v-r=init&location=" + dashboard
                + "&query=&v-wn=bench&v-ww=1280&v-wh=900&v-sw=1280&v-sh=900&v-tzo=0&v-rtzo=0&v-dstd=0&v-dston=false"
                + "&v-tzid=UTC&v-curdate=0&v-td=false&v-pr=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        Matcher key = SECURITY_KEY.matcher(init.body());
        assertThat(key.find()).as("the UI's CSRF token").isTrue();
        // Then the browser's router asks the server to navigate, as Vaadin's client does after the bootstrap.
        String navigate = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s",                "query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}"""
                .formatted(key.group(1), dashboard);
        HttpResponse<String> view = browser.send(HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(view.statusCode()).isEqualTo(200);
        // The layout and the view were built for this person: their name is in the UI's changes.
        assertThat(view.body()).as(dashboard).contains(NAMES.get(username));
        return browser;
    }

    private static long retainedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
