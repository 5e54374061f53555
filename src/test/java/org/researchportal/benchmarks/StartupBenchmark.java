package org.researchportal.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, figure 6: the embedded default from a built production jar to the sign-in page answering, each start with
 * a fresh data folder (an empty database). Three ways to start the same jar, alternating: as it is, extracted
 * (Spring Boot's jar tools), and extracted with a JDK AOT cache trained once. Target: 10 s or less.
 *
 * <p>Needs the production jar: {@code JAVA_HOME=<JDK 21+> ./mvnw -Pproduction package -DskipTests} first.
 */
class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("benchmarks.runs", 5);
    private static final Path WORK = Path.of("target", "startup-benchmark");

    @Test
    void fromTheJarToTheSignInPage() throws Exception {
        Path jar = productionJar();
        String java = ProcessHandle.current().info().command().orElse("java");
        deleteTree(WORK);
        Files.createDirectories(WORK);
        Path extracted = WORK.resolve("app");
        run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.toString()), WORK.resolve("extract.log"));
        Path extractedJar = extracted.resolve(jar.getFileName());
        Path cache = WORK.resolve("app.aot");
        // The training run: the context starts and stops at once, and the JDK writes what it loaded and linked.
        run(List.of(java, "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                extractedJar.toString()), WORK.resolve("train.log"));
        assertThat(cache).exists();

        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("the jar as built: `java -jar research-portal.jar`", List.of(java, "-jar", jar.toString()));
        commands.put("extracted: `java -jar app/research-portal.jar`", List.of(java, "-jar",
                extractedJar.toString()));
        commands.put("extracted, with the AOT cache: `java -XX:AOTCache=app.aot -jar app/research-portal.jar`",
                List.of(java, "-XX:AOTCache=" + cache, "-jar", extractedJar.toString()));
        for (int run = 0; run < RUNS; run++) {
            for (var way : commands.entrySet()) {
                seconds.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(start(way.getValue(), run));
            }
        }
        StringBuilder table = new StringBuilder();
        seconds.forEach((way, values) -> table.append("| %s | %.1f s | %s |%n".formatted(way,
                BenchmarkReport.median(values), values.stream().map(v -> "%.1f".formatted(v)).toList())));
        double best = seconds.values().stream().mapToDouble(BenchmarkReport::median).min().orElseThrow();
        double asBuilt = BenchmarkReport.median(seconds.values().iterator().next());
        BenchmarkReport.section("startup", """
                ## 6. Start-up

                From starting the JVM to `/login` answering 200, with a fresh data folder each time (the embedded \
                wire server on an empty H2 store; the demo is seeded after the page answers). %d runs of each way, \
                alternating. The production jar: `JAVA_HOME=<JDK 21+> ./mvnw -Pproduction package -DskipTests`.

                | way | median | runs |
                |---|---|---|
                %s
                Target 10 s or less: %s as built, %s at best (%.1f s).

                The AOT cache (JEP 483, JDK 24 and later) is made once per build with a training start \
                (`-XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh`); it holds the classes the portal \
                loads and links, so a start skips that work. It must be made again for each new jar.
                """.formatted(RUNS, table, asBuilt <= 10 ? "met" : "missed", best <= 10 ? "met" : "missed", best));
    }

    /** Starts the portal and answers the seconds until its sign-in page answers; stops it again. */
    private static double start(List<String> command, int run) throws Exception {
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = WORK.resolve("data-" + run + "-" + System.nanoTime());
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("start-" + run + ".log").toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("PORTAL_DATA_DIR", data.toString());
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long started = System.nanoTime();
        Process portal = builder.start();
        try {
            while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(120)) {
                try {
                    HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/login")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (login.statusCode() == 200) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("The portal did not answer within two minutes: " + command);
        } finally {
            portal.destroy();
            if (!portal.waitFor(30, TimeUnit.SECONDS)) {
                portal.destroyForcibly().waitFor();
            }
        }
    }

    private static Path productionJar() throws IOException {
        Path jar;
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            jar = built.filter(p -> p.getFileName().toString().matches("research-portal-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in target/: build it first with "
                            + "JAVA_HOME=<JDK 21+> ./mvnw -Pproduction package -DskipTests"));
        }
        try (var zip = new ZipFile(jar.toFile())) {
            var info = zip.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            String text = info == null ? "" : new String(zip.getInputStream(info).readAllBytes());
            if (!text.replace(" ", "").contains("\"productionMode\":true")) {
                throw new IllegalStateException(jar + " is not a production build: build it with "
                        + "JAVA_HOME=<JDK 21+> ./mvnw -Pproduction package -DskipTests");
            }
        }
        return jar;
    }

    private static void run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed; see " + log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> all = Files.walk(root)) {
                all.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
