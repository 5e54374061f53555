package org.researchportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.researchportal.base.HostileValues;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.base.storage.DatabaseWrites;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.researchportal.tenancy.TenantSnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.access.AccessDeniedException;

/**
 * Property: whatever a form or an API hands a service, the answer is the work done, a refusal with a message for
 * each field named (a key both languages translate), "not found" or "not allowed", and never another failure (which a
 * person would see as an error page); and a refused call writes nothing. Every public service operation is called
 * many times in a tenant with a real trial, its texts hostile ({@link HostileValues}) or real ids of that tenant,
 * its numbers and dates out of range. The seed is printed; {@code -Dhostile.seed=...} replays a run.
 */
class HostileInputTests extends PortalTest {

    private static final int TRIALS_PER_OPERATION = 12;
    private static final Set<PortalRole> EVERY_TENANT_ROLE = EnumSet.complementOf(EnumSet.of(
            PortalRole.PLATFORM_ADMIN));

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoOperations mongo;
    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    DatabaseWrites writes;

    @Test
    void everyServiceOperationAnswersHostileInputWithARefusalOrItsWorkAndARefusalWritesNothing() throws IOException {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        var hostile = new HostileValues(seed);
        var trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        String randomised = trial.eligibleConsentedCandidate(screening, consent, "Fuzz Randomised");
        trial.doAsClinician(() -> randomisation.randomise(randomised, Map.of()));
        trial.eligibleConsentedCandidate(screening, consent, "Fuzz Candidate");
        List<String> ids = TenantSnapshot.ids(mongo, trial.tenantId(), 3);
        Properties english = new Properties();
        try (var in = getClass().getResourceAsStream("/vaadin-i18n/translations.properties")) {
            english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }

        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        int snapshots = 0;
        // Each call's "after" is the next call's "before": nothing else writes in between (events are synchronous,
        // schedulers are off in tests). Reading the whole tenant is most of this test's time, so it is read again
        // only after a call that sent the database something that could write.
        Map<String, String> before = TenantSnapshot.documents(mongo, trial.tenantId());
        for (var operation : ServiceOperations.of(context)) {
            for (int trialNo = 0; trialNo < TRIALS_PER_OPERATION; trialNo++) {
                Object[] arguments = ServiceArguments.of(operation.method(), hostileValues(hostile, ids));
                if (arguments == null) {
                    failures.add(operation.name() + ": no arguments could be made");
                    break;
                }
                calls++;
                long started = System.nanoTime();
                long writesBefore = writes.sent();
                String outcome;
                try {
                    SystemActor.callAs("hostile", trial.tenantId(), EVERY_TENANT_ROLE,
                            () -> operation.invoke(arguments));
                    outcome = "done";
                } catch (ValidationException refused) {
                    outcome = "refused";
                    refused.fieldMessageKeys().forEach((field, key) -> {
                        if (field.isBlank() || !english.containsKey(key)) {
                            failures.add(operation.name() + " refused " + field + " with untranslated " + key);
                        }
                    });
                } catch (NotFoundException | AccessDeniedException | OptimisticLockingFailureException expected) {
                    // Not found, not allowed, or changed by someone else meanwhile (the form says to reload).
                    outcome = expected.getClass().getSimpleName();
                } catch (RuntimeException e) {
                    outcome = e.getClass().getSimpleName();
                    failures.add(operation.name() + " " + describe(arguments) + ": " + e);
                }
                outcomes.merge(outcome, 1, Integer::sum);
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis > 1000) {
                    System.out.printf("Hostile input: %s took %d ms (%s)%n", operation.name(), millis, outcome);
                }
                if (writes.sent() == writesBefore) {
                    continue;
                }
                snapshots++;
                Map<String, String> after = TenantSnapshot.documents(mongo, trial.tenantId());
                if (!outcome.equals("done") && !before.equals(after)) {
                    failures.add(operation.name() + " " + describe(arguments) + " was refused (" + outcome
                            + ") but wrote something");
                }
                before = after;
            }
        }
        failures.addAll(danglingReferences(trial.tenantId()));
        System.out.printf("Hostile input (seed %d): %d calls, outcomes %s, %d tenant reads after a write%n", seed,
                calls, outcomes, snapshots);
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(outcomes.get("refused")).isGreaterThan(300);
        assertThat(outcomes.get("done")).isGreaterThan(100);
        // The calls that did their work wrote, so the counter that spares the other reads is counting.
        assertThat(snapshots).as("tenant reads after a write").isGreaterThan(10);
    }

    /** What the calls that were taken left behind naming a participant or a study that does not exist. */
    private List<String> danglingReferences(String tenant) {
        Set<String> participants = new java.util.HashSet<>();
        Set<String> studiesOfTenant = new java.util.HashSet<>();
        mongo.getCollection("participants").find(new org.bson.Document("tenantId", tenant))
                .forEach(p -> participants.add(String.valueOf(p.get("_id"))));
        mongo.getCollection("studies").find(new org.bson.Document("tenantId", tenant))
                .forEach(p -> studiesOfTenant.add(String.valueOf(p.get("_id"))));
        List<String> dangling = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            if (collection.contains(".")) {
                continue;
            }
            for (var raw : mongo.getCollection(collection).find(new org.bson.Document("tenantId", tenant))) {
                if (raw.get("participantId") instanceof String id && !participants.contains(id)) {
                    dangling.add(collection + " " + raw.get("_id") + " names participant " + id);
                }
                if (raw.get("studyId") instanceof String id && !studiesOfTenant.contains(id)) {
                    dangling.add(collection + " " + raw.get("_id") + " names study " + id);
                }
            }
        }
        return dangling;
    }

    private static String describe(Object[] arguments) {
        List<String> shown = new ArrayList<>();
        for (Object argument : arguments) {
            String text = String.valueOf(argument);
            shown.add(text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text);
        }
        return shown.toString();
    }

    /** Hostile values, and now and then an id the tenant really has, so operations get past "not found". */
    private static ServiceArguments.Values hostileValues(HostileValues hostile, List<String> ids) {
        return new ServiceArguments.Values() {
            @Override
            public String text() {
                return hostile.below(3) == 0 ? ids.get(hostile.below(ids.size())) : hostile.text();
            }

            @Override
            public boolean aBoolean() {
                return hostile.aBoolean();
            }

            @Override
            public int anInt() {
                return hostile.anInt();
            }

            @Override
            public long aLong() {
                return hostile.aLong();
            }

            @Override
            public double aDouble() {
                return hostile.aDouble();
            }

            @Override
            public int below(int bound) {
                return hostile.below(bound);
            }

            @Override
            public LocalDate date() {
                return hostile.date();
            }

            @Override
            public LocalTime time() {
                return hostile.time();
            }

            @Override
            public Instant instant() {
                return hostile.instant();
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of(hostile.aBoolean() ? "Asia/Shanghai" : "Pacific/Kiritimati");
            }

            @Override
            public Duration duration() {
                return Duration.ofMinutes(hostile.anInt() / 7);
            }

            @Override
            public Locale locale() {
                return hostile.aBoolean() ? Locale.ENGLISH : Locale.forLanguageTag("xx-ZZ");
            }

            @Override
            public Pageable page() {
                return hostile.aBoolean() ? Pageable.unpaged() : PageRequest.of(hostile.below(5),
                        1 + hostile.below(200));
            }

            @Override
            public byte[] bytes() {
                return hostile.bytes();
            }

            @Override
            public int howMany() {
                return hostile.below(3);
            }

            @Override
            public boolean retryRefusedRecords() {
                return true;
            }
        };
    }
}
