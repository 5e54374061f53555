package org.researchportal.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.researchportal.VaadinBrowser;

/**
 * The production jar (built beforehand with {@code ./mvnw package -DskipTests}),
 * started as a process of its own on its embedded default with a fresh data folder, as a hospital's first look
 * would start it: Vaadin in production mode, unlike every test context.
 */
final class ProductionPortal implements AutoCloseable {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;

    private ProductionPortal(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code java} with these arguments (options, then {@code -jar} and a jar), its log in the given file;
     * answers once its sign-in page answers.
     */
    static ProductionPortal start(List<String> javaArguments, Path data, Path log) throws Exception {
        int port = port("benchmarks.portal-port");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(javaArguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("PORTAL_DATA_DIR", data.toString());
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        ProductionPortal portal = new ProductionPortal(builder.start(), port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            try {
                if (http.send(HttpRequest.newBuilder(portal.address().resolve("/login")).timeout(Duration
                        .ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return portal;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        portal.close();
        throw new IllegalStateException("The portal did not answer within two minutes; see " + log);
    }

    /**
     * The port named by a system property (on a shared machine each engineer's runs keep to their own ports), else a
     * free one.
     */
    static int port(String property) throws IOException {
        int named = Integer.getInteger(property, 0);
        if (named > 0) {
            return named;
        }
        try (var free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Signs in with the demo's password, waiting for the demo seed if it is not done yet. */
    VaadinBrowser demoSignIn(String username) throws Exception {
        AssertionError last = null;
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                return VaadinBrowser.signIn(address(), username, "demo-password");
            } catch (AssertionError notYetSeeded) {
                last = notYetSeeded;
                Thread.sleep(500);
            }
        }
        throw last;
    }

    /** The processor time the portal's JVM has used so far, all its threads (as {@code ps} or {@code top} count). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    URI address() {
        return URI.create("http://localhost:" + port);
    }

    /** The heap the portal's JVM holds after a full collection (through jcmd, as an operator would read it). */
    long retainedHeap() throws Exception {
        jcmd("GC.run");
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said nothing of the heap used");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The production jar in target/, refused if it was built in development mode. */
    static Path jar() throws IOException {
        Path jar;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            jar = built.filter(p -> p.getFileName().toString().matches("research-portal-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: build it first with "
                            + "./mvnw package -DskipTests"));
        }
        try (var zip = new ZipFile(jar.toFile())) {
            var info = zip.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            String text = info == null ? "" : new String(zip.getInputStream(info).readAllBytes());
            if (!text.replace(" ", "").contains("\"productionMode\":true")) {
                throw new IllegalStateException(jar + " is not a production build: build it with "
                        + "./mvnw package -DskipTests");
            }
        }
        return jar;
    }
}
