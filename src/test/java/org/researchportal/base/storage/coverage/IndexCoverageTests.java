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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
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

    private static final String STUDIES = "a tenant runs a handful of studies";
    private static final String ARCHIVE = "a tenant's archive, made once when an institution leaves, asks every "
            + "collection for the tenant's documents";
    private static final String PARTICIPANT = "narrowed by the participant: one participant's";
    private static final String SAME_STUDY = "; the study filter only repeats the participant's own study";
    private static final String LIST_FILTER = "the participant list filtered by arm or status: narrowed to the "
            + "study's participants (tenant_study_status_number), sorted by screening number in memory, one page "
            + "returned; bounded by the size of one study";

    /**
     * Patterns that may stay without a covering index, each with the reason it is cheap all the same. A pattern is
     * written as the report writes it. An entry no longer needed fails the check (when the whole suite ran), so the
     * list stays true.
     */
    static final List<Allowance> ALLOWED = List.of(
            // Small by nature
            allow("tenants", "sort(name:1)", "platform-wide: one record per institution, tens at most"),
            allow("studies", "eq(tenantId) sort(acronym:1)", STUDIES),
            allow("studies", "eq(acronym,tenantId)", STUDIES),
            allow("messaging_settings", "eq(twilioAccountSid)", "one document per tenant, as many as the "
                    + "installation has institutions; a Twilio webhook names only the account"),
            allow("fs.files", "(everything)", "GridFS's own check before a first upload whether the bucket is "
                    + "empty: a find with limit 1 reads one document"),
            allow("fs.files", "eq(metadata.tenantId)", ARCHIVE + "; one small record per file (the bytes are read "
                    + "through fs.chunks' files_id index)"),
            allow("sign_in_attempts", "eq(tenantId)", ARCHIVE + "; sign-in attempts carry no tenant and expire "
                    + "within a day, so the collection stays small"),
            allow("sweep_rounds", "eq(tenantId)", ARCHIVE + "; one lease per kind of scheduled work and tenant"),
            // Answers the whole set by design: an index would read as many documents
            allow("participants", "eq(status,tenantId) other(armCode,enrolledOn)", "every allocated participant "
                    + "of the tenant, by design (the follow-up worklist's participants)"),
            allow("followup_calls", "eq(studyId,tenantId) sort(participantId:1,number:1)", "a whole study's call "
                    + "log, every call, by design; sorted in memory"),
            // Narrowed by an index to a few documents, the rest filtered (or sorted) in memory
            allow("accounts", "eq(active,passwordHash,roles,tenantId)", "renewing the links of administrators "
                    + "who never set a password: narrowed to the tenant's active administrators, a handful"),
            allow("accounts", "eq(passwordLinkHash) range(passwordLinkExpiresAt)", "the hash of a random "
                    + "set-password token: at most one account holds it (the sparse passwordLinkHash index)"),
            allow("allocation_slots", "eq(batch,participantId,stratum,studyId,tenantId) sort(position:1)",
                    "claiming the next free slot walks one stratum's sequence in position order (the unique "
                            + "tenant_study_stratum_position index), hundreds of slots at most"),
            allow("adverse_events", "eq(participantId,studyId,tenantId) sort(report.onset:1,reportedAt:1)",
                    PARTICIPANT + " adverse events, in onset order by tenant_participant_onset" + SAME_STUDY),
            allow("assessments", "eq(participantId,studyId,tenantId) sort(timepoint:1,instrument:1)",
                    PARTICIPANT + " assessments (tens), in the unique index's order" + SAME_STUDY),
            allow("missed_visits", "eq(participantId,studyId,tenantId)", PARTICIPANT + " missed visits"
                    + SAME_STUDY),
            allow("followup_calls", "eq(participantId,status,tenantId)", PARTICIPANT + " calls, about one a "
                    + "month of the trial"),
            allow("followup_calls", "eq(participantId,studyId,tenantId) sort(number:1)", PARTICIPANT + " calls "
                    + "in number order (tenant_participant_number)" + SAME_STUDY),
            allow("programme_alerts", "eq(handledAt,participantId,tenantId)", PARTICIPANT + " alerts, a few"),
            allow("programme_alerts", "eq(kind,participantId,tenantId)", PARTICIPANT + " alerts, a few"),
            allow("programme_alerts", "eq(participantId,sessionId,tenantId)", PARTICIPANT + " alerts, a few"),
            allow("video_watches", "eq(participantId,tenantId) sort(lastWatchedAt:-1)", PARTICIPANT + " watches, "
                    + "one per video of the manual"),
            allow("exercise_pictures", "eq(exerciseCode,removedAt,studyId,tenantId)", "counting one exercise's "
                    + "pictures: narrowed to the study's current pictures, a few per exercise of the manual"),
            allow("outbox_messages", "eq(channel,participantId,status,tenantId)", PARTICIPANT + " pending "
                    + "messages, a handful (tenant_participant_status_purpose)"),
            allow("outbox_messages", "eq(participantId,purpose,tenantId) sort(createdAt:-1)", PARTICIPANT
                    + " messages (tenant_participant), the latest of one purpose picked in memory"),
            allow("outbox_messages", "eq(providerId,status,tenantId)", "a delivery report names one message by "
                    + "the provider's id (tenant_provider)"),
            allow("outbox_messages", "eq(status,tenantId) range(idempotencyKey)", "one call's pending reminders "
                    + "by their key's prefix: a range on the unique tenant_key index reads that call's few messages"),
            // The participant list's optional filters
            allow("participants", "eq(armCode,status,studyId,tenantId) sort(screeningNumber:1) other(screeningNumber)",
                    LIST_FILTER),
            allow("participants", "eq(armCode,status,studyId,tenantId) sort(screeningNumber:1) other(studyNumber)",
                    LIST_FILTER),
            allow("participants", "eq(armCode,studyId,tenantId) sort(screeningNumber:1)", LIST_FILTER),
            allow("participants", "eq(armCode,studyId,tenantId) sort(screeningNumber:1) other(screeningNumber)",
                    LIST_FILTER),
            allow("participants", "eq(armCode,studyId,tenantId) sort(screeningNumber:1) other(studyNumber)",
                    LIST_FILTER),
            allow("participants", "eq(status,studyId,tenantId) sort(screeningNumber:1)", LIST_FILTER),
            allow("participants", "eq(status,studyId,tenantId) sort(screeningNumber:1) other(screeningNumber)",
                    LIST_FILTER),
            allow("participants", "eq(status,studyId,tenantId) sort(screeningNumber:1) other(studyNumber)",
                    LIST_FILTER));

    private static Allowance allow(String collection, String pattern, String reason) {
        return new Allowance(collection, pattern, reason);
    }

    record Allowance(String collection, String pattern, String reason) {}

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
            Allowance allowance = ALLOWED.stream().filter(a -> a.collection().equals(pattern.collection())
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
            ALLOWED.stream().filter(a -> !used.contains(a))
                    .forEach(a -> failures.add("allowed but never sent, drop the entry: " + a.collection() + " "
                            + a.pattern()));
        }
        IndexCoverageReport.write(REPORT, rows, indexes, wholeSuite, PlannedTestClasses.planned().size(),
                SentQueries.commands());
        assertThat(failures).as("query patterns without a covering index (see " + REPORT + ")").isEmpty();
    }

    record Row(QueryPattern pattern, Sightings sightings, Judgement judgement, Allowance allowance) {}

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
