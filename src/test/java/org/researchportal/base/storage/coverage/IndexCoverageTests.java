package org.researchportal.base.storage.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.storage.coverage.AllowedQueryPatterns.Allowance;
import org.researchportal.base.storage.coverage.IndexCoverage.Index;
import org.researchportal.base.storage.coverage.IndexCoverage.Judgement;
import org.researchportal.base.storage.coverage.IndexCoverage.Verdict;
import org.researchportal.base.storage.coverage.QueryPattern.SortKey;
import org.researchportal.base.storage.coverage.SentQueries.Sightings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Every query the portal sent during the test run has an index a real MongoDB would use for it, by the ESR rule (see
 * {@link IndexCoverage}). The embedded store cannot show a missing index by being slow, so this is where one shows.
 * Runs after every other test class (junit-platform.properties orders classes by @Order) and judges what the whole run
 * recorded; alone it judges what the portal's start-up (the demo seed) sent. Writes target/index-coverage.md.
 */
@Order(Integer.MAX_VALUE)
class IndexCoverageTests extends PortalTest {

    private static final Path REPORT = Path.of("target", "index-coverage.md");
    /** Excluded from the default surefire execution in the pom: it runs in a JVM of its own. */
    private static final Set<String> OWN_JVM = Set.of("org.researchportal.ScaleOutTests");

    @Autowired
    private MongoMappingContext mapping;
    @Autowired
    private MongoOperations mongo;

    @Test
    void theRuleAcceptsAnIndexInEqualitySortRangeOrderAndRejectsOthers() {
        List<Index> indexes = List.of(index("_id_", true, "_id:1"),
                index("tenant_participant_date", false, "tenantId:1", "participantId:1", "date:-1"),
                index("tenant_study_status", false, "tenantId:1", "studyId:1", "status:1"),
                index("tenant", false, "tenantId:1"));
        assertThat(verdict(pattern("sessions", eq("participantId", "tenantId"), sort("date:-1"), none()), indexes))
                .isEqualTo(Verdict.COVERED);
        assertThat(verdict(pattern("sessions", eq("participantId", "tenantId"), sort("date:1"), none()), indexes))
                .as("a sort all reversed walks the index backwards").isEqualTo(Verdict.COVERED);
        assertThat(verdict(pattern("sessions", eq("tenantId", "participantId"), none(), range("date")), indexes))
                .isEqualTo(Verdict.COVERED);
        assertThat(verdict(pattern("sessions", eq("_id", "tenantId", "version"), none(), none()), indexes))
                .as("a point lookup by a unique key").isEqualTo(Verdict.COVERED);
        assertThat(verdict(pattern("sessions", eq("tenantId", "participantId", "kind"), sort("date:-1"), none()),
                indexes)).as("the prefix narrows to one participant, the rest read").isEqualTo(Verdict.PARTIAL);
        assertThat(verdict(pattern("sessions", eq("tenantId", "studyId"), none(), range("date")), indexes))
                .as("the range field must follow the equality fields").isEqualTo(Verdict.PARTIAL);
        assertThat(verdict(pattern("sessions", eq("tenantId"), sort("createdAt:-1"), none()), indexes))
                .as("only the tenant narrows it").isEqualTo(Verdict.UNCOVERED);
        assertThat(verdict(pattern("sessions", eq("participantId"), none(), none()), indexes))
                .as("equality on a field that is not an index's first key").isEqualTo(Verdict.UNCOVERED);
        assertThat(verdict(pattern("sessions", eq(), none(), none()), indexes)).isEqualTo(Verdict.UNCOVERED);
        assertThat(verdict(pattern("sessions", eq("tenantId", "participantId"), sort("date:-1", "_id:1"), none()),
                indexes)).as("a sort key the index lacks").isEqualTo(Verdict.PARTIAL);
    }

    @Test
    void patternsAreReadAsMongoDbPlansQueries() {
        BsonDocument find = BsonDocument.parse("""
                {find: 'outbox', filter: {tenantId: 't', status: {$in: ['DUE', 'RETRY']}, dueAt: {$lte: 5},
                 attempts: {$ne: 3}, $or: [{participantId: 'p'}, {recipientLookup: 'r', kind: {$exists: true}}]},
                 sort: {dueAt: 1}}""");
        assertThat(CommandPatterns.of("find", find)).extracting(QueryPattern::describe).containsExactly(
                "eq(participantId,status,tenantId) sort(dueAt:1) range(dueAt) other(attempts)",
                "eq(recipientLookup,status,tenantId) sort(dueAt:1) range(dueAt) other(attempts,kind)");
        BsonDocument aggregate = BsonDocument.parse("""
                {aggregate: 'sessions', pipeline: [{$match: {tenantId: 't'}}, {$match: {date: {$gte: 1}}},
                 {$sort: {date: -1}}, {$match: {minutes: 3}}, {$group: {_id: 1}}]}""");
        assertThat(CommandPatterns.of("aggregate", aggregate)).extracting(QueryPattern::describe)
                .containsExactly("eq(tenantId) sort(date:-1) range(date)");
        BsonDocument update = BsonDocument.parse(
                """
                        {update: 'accounts', updates: [{q: {_id: 'a', version: 2}, u: {}}, {q: {username: {$regex: '^ab'}}}]}""");
        assertThat(CommandPatterns.of("update", update)).extracting(QueryPattern::describe)
                .containsExactly("eq(_id,version)", "range(username)");
    }

    @Test
    void everyQueryThePortalSentHasAnIndex() throws IOException {
        Map<QueryPattern, Sightings> seen = SentQueries.seen();
        assertThat(seen.values()).as("the portal's start-up alone sends queries").anyMatch(Sightings::fromPortal);
        Set<String> collections = seen.keySet().stream().map(QueryPattern::collection)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, List<Index>> indexes = DeclaredIndexes.of(mapping, mongo, collections);
        boolean wholeSuite = wholeSuiteRan();

        List<String> failures = new ArrayList<>();
        Set<Allowance> used = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<QueryPattern, Sightings> entry : seen.entrySet()) {
            QueryPattern pattern = entry.getKey();
            Judgement judgement = IndexCoverage.judge(pattern, indexes.getOrDefault(pattern.collection(), List.of()));
            Allowance allowance = AllowedQueryPatterns.ALL.stream().filter(a -> a.collection().equals(pattern
                    .collection())
                    && a.pattern().equals(pattern.describe())).findFirst().orElse(null);
            boolean checked = entry.getValue().fromPortal();
            if (allowance != null) {
                used.add(allowance);
                if (judgement.verdict() == Verdict.COVERED) {
                    failures.add("allowed but covered by " + judgement.index().name() + ", drop the entry: "
                            + pattern);
                }
            } else if (checked && judgement.verdict() != Verdict.COVERED) {
                failures.add(judgement.verdict() + " " + pattern + " (" + judgement.why() + "; sent by "
                        + String.join(", ", entry.getValue().origins()) + ")");
            }
            rows.add(new Row(pattern, entry.getValue(), judgement, allowance));
        }
        if (wholeSuite) {
            AllowedQueryPatterns.ALL.stream().filter(a -> !used.contains(a))
                    .forEach(a -> failures.add("allowed but never sent, drop the entry: " + a.collection() + " "
                            + a.pattern()));
        }
        IndexCoverageReport.write(REPORT, rows, indexes, wholeSuite, PlannedTestClasses.planned().size(),
                SentQueries.commands());
        assertThat(failures).as("query patterns without a covering index (see " + REPORT + ")").isEmpty();
    }

    record Row(QueryPattern pattern, Sightings sightings, Judgement judgement, @Nullable Allowance allowance) {}

    /** Whether this run planned every test class the default surefire execution runs (then an unused entry is stale). */
    private static boolean wholeSuiteRan() {
        Set<String> planned = PlannedTestClasses.planned();
        try {
            Path root = Path.of(IndexCoverageTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(root::relativize).map(Path::toString)
                        .filter(name -> name.endsWith("Tests.class") && !name.contains("$"))
                        .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                        .filter(name -> !OWN_JVM.contains(name) && concrete(name))
                        .allMatch(planned::contains);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean concrete(String className) {
        try {
            return !Modifier.isAbstract(Class.forName(className).getModifiers());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Verdict verdict(QueryPattern pattern, List<Index> indexes) {
        return IndexCoverage.judge(pattern, indexes).verdict();
    }

    private static Index index(String name, boolean unique, String... keys) {
        return new Index(name, sort(keys), unique, false, false);
    }

    private static QueryPattern pattern(String collection, List<String> equality, List<SortKey> sort,
            List<String> range) {
        return QueryPattern.of(collection, equality, sort, range, List.of());
    }

    private static List<String> eq(String... fields) {
        return List.of(fields);
    }

    private static List<String> range(String... fields) {
        return List.of(fields);
    }

    private static <T> List<T> none() {
        return List.of();
    }

    private static List<SortKey> sort(String... keys) {
        return Stream.of(keys).map(k -> new SortKey(k.substring(0, k.indexOf(':')),
                Integer.parseInt(k.substring(k.indexOf(':') + 1)))).toList();
    }
}
