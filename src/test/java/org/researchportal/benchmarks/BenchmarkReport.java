package org.researchportal.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints a benchmark's figures and keeps them in {@code docs/benchmarks.md}: each benchmark owns one section between
 * markers, rewritten on each run, under a header naming the machine and the command. Figures are medians of several
 * runs; comparisons are made side by side in one run.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The machine the figures come from. */
    public static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException ignored) {
            // Not Linux: the CPU stays unnamed.
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        return "%s, %d cores, %s %s, Java %s, heap at most %d MB".formatted(cpu, os.getAvailableProcessors(),
                os.getName(), os.getVersion(), Runtime.version(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** Prints the section and, when run by the benchmarks profile, writes it into the report. */
    public static void section(String id, String markdown) {
        System.out.println("\n" + markdown);
        String file = System.getProperty("benchmarks.report");
        if (file == null) {
            return;
        }
        Path path = Path.of(file);
        try {
            String report = Files.exists(path) ? Files.readString(path) : header();
            String start = "<!-- " + id + " -->";
            String end = "<!-- /" + id + " -->";
            String body = start + "\n" + markdown.strip() + "\n\n_Measured " + LocalDate.now() + " on " + machine()
                    + "._\n" + end;
            Matcher existing = Pattern.compile(Pattern.quote(start) + ".*?" + Pattern.quote(end), Pattern.DOTALL)
                    .matcher(report);
            report = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement(body))
                    : report.stripTrailing() + "\n\n" + body + "\n";
            Files.createDirectories(path.getParent());
            Files.writeString(path, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header() {
        return """
                # Benchmarks

                Figures, not pass or fail: `./mvnw -Pbenchmarks test` runs every `*Benchmark` class, prints its figures \
                and rewrites its section below. Each figure is the median of several runs; comparisons are measured \
                side by side in the same run, alternating. The targets come from issue 9.
                """;
    }
}
