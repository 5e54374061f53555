package org.researchportal.base.storage.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.researchportal.base.storage.coverage.IndexCoverage.Index;
import org.researchportal.base.storage.coverage.IndexCoverage.Verdict;
import org.researchportal.base.storage.coverage.IndexCoverageTests.Row;

/** Writes what the coverage check saw and decided, collection by collection, for a person to read. */
final class IndexCoverageReport {

    private IndexCoverageReport() {
    }

    static void write(Path file, List<Row> rows, Map<String, List<Index>> indexes, boolean wholeSuite,
            int plannedClasses, long commands) throws IOException {
        List<Row> sorted = rows.stream().sorted(Comparator.comparing((Row r) -> r.pattern().collection())
                .thenComparing(r -> r.pattern().describe())).toList();
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        sorted.stream().filter(r -> r.sightings().fromPortal())
                .forEach(r -> verdicts.merge(r.judgement().verdict(), 1L, Long::sum));
        StringBuilder out = new StringBuilder();
        out.append("# Index coverage of the queries the test run sent\n\n");
        out.append("Written by IndexCoverageTests. ").append(wholeSuite ? "The whole unit suite ran"
                : "Not the whole suite (only part of the classes was selected)").append(": ").append(plannedClasses)
                .append(" test classes planned, ").append(commands).append(" commands with a query recorded, ")
                .append(sorted.size()).append(" distinct query patterns (")
                .append(sorted.stream().filter(r -> r.sightings().fromPortal()).count())
                .append(" sent by the portal's code, the rest only by tests checking outcomes, which are not judged).\n\n");
        out.append("Verdicts of the portal's patterns: ").append(verdicts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase()).collect(Collectors.joining(", ")))
                .append("; ").append(sorted.stream().filter(r -> r.allowance() != null).count())
                .append(" allow-listed.\n\n");
        out.append("""
                How to read a pattern: `eq(...)` fields fixed by equality ($eq, $in), `sort(field:direction)`,
                `range(...)` fields bounded by $gt/$gte/$lt/$lte or an anchored regex, `other(...)` fields only filtered
                ($ne, $nin, $exists, ...), which no index narrows. Each $or branch is a pattern of its own. A pattern is
                covered when an index starts with its equality fields (any order), then its sort keys, then a range
                field (ESR), or when it fixes every key of a unique index. Partial: an index narrows it by some of
                its equality fields (more than the tenant), the rest is read; uncovered: the tenant or the whole
                collection is read.

                """);
        String collection = null;
        for (Row row : sorted) {
            if (!row.pattern().collection().equals(collection)) {
                out.append(collection == null ? "" : "\n");
                collection = row.pattern().collection();
                out.append("## ").append(collection).append("\n\nIndexes: ")
                        .append(indexes.getOrDefault(collection, List.of()).stream().map(i -> "`" + i.describe() + "`")
                                .collect(Collectors.joining(", ")))
                        .append("\n\n| pattern | sent by | times | verdict | index | origin |\n|---|---|---|---|---|---|\n");
            }
            String verdict = !row.sightings().fromPortal() ? "test only"
                    : row.allowance() != null ? row.judgement().verdict().name().toLowerCase() + ", allowed: "
                            + row.allowance().reason()
                    : row.judgement().verdict().name().toLowerCase() + ": " + row.judgement().why();
            out.append("| `").append(row.pattern().describe()).append("` | ")
                    .append(String.join(", ", row.sightings().commands())).append(" | ")
                    .append(row.sightings().times()).append(" | ").append(verdict).append(" | ")
                    .append(row.judgement().index() == null ? "" : row.judgement().index().name()).append(" | ")
                    .append(String.join(", ", row.sightings().origins())).append(" |\n");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }
}
