package org.researchportal.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, figure 6: the embedded default from a built production jar to the sign-in page answering, each start with
 * a fresh data folder (an empty database). Three ways to start the same jar, alternating: as it is, extracted
 * (Spring Boot's jar tools), and extracted with a JDK AOT cache trained once. Target: 10 s or less.
 *
 * <p>Needs the production jar: {@code ./mvnw package -DskipTests} first.
 */
class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("benchmarks.runs", 5);
    private static final Path WORK = Path.of("target", "startup-benchmark");

    @Test
    void fromTheJarToTheSignInPage() throws Exception {
        Path jar = ProductionPortal.jar();
        String java = ProductionPortal.java();
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
                alternating. The production jar: `./mvnw package -DskipTests`.

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
        long started = System.nanoTime();
        try (var portal = ProductionPortal.start(command.subList(1, command.size()), WORK.resolve("data-" + run + "-"
                + System.nanoTime()), WORK.resolve("start-" + run + ".log"))) {
            return (System.nanoTime() - started) / 1e9;
        }
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
