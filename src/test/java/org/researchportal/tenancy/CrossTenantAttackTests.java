package org.researchportal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.ServiceArguments;
import org.researchportal.ServiceOperations;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.identity.Account;
import org.researchportal.participants.Participant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.access.AccessDeniedException;

/**
 * The attack: a person of another tenant, holding every role a tenant has, calls every public service operation with
 * each kind of id the Lakeside tenant has (one of every collection, its files, its usernames) in every text
 * argument. Each call may refuse or find nothing; none may answer with Lakeside's data (names, numbers, addresses,
 * study titles, usernames), and afterwards every Lakeside document and file is byte-for-byte what it was. The HTTP
 * endpoints (media, exports, webhooks, signed links) have the same attack in {@code CrossTenantHttpAttackTests}.
 */
class CrossTenantAttackTests extends PortalTest {

    private static final String VICTIM = "lakeside";
    private static final Set<PortalRole> EVERY_TENANT_ROLE = EnumSet.complementOf(EnumSet.of(
            PortalRole.PLATFORM_ADMIN));

    @Autowired
    ApplicationContext context;
    @Autowired
    MongoOperations mongo;
    @Autowired
    TenantService tenants;

    @Test
    void anotherTenantsIdsFindNothingLeakNothingAndChangeNothing() {
        String attacker = "atk" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(attacker, "Attacker", "UTC"));
        Map<String, String> before = victimSnapshot();
        List<String> victimIds = victimIds();
        Set<String> secrets = victimSecrets();
        assertThat(victimIds).hasSizeGreaterThan(10);
        assertThat(secrets).contains(
                "Supervised versus usual-care walking after total knee replacement (invented demo study)")
                .hasSizeGreaterThan(10);

        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> notAttacked = new ArrayList<>();
        int calls = 0;
        for (var operation : ServiceOperations.of(context)) {
            Method method = operation.method();
            String name = operation.name();
            for (String id : victimIds) {
                Object[] arguments = ServiceArguments.of(method, victimId(id));
                if (arguments == null) {
                    notAttacked.add(name);
                    break;
                }
                calls++;
                String outcome;
                try {
                    Object answer = SystemActor.callAs("attack", attacker, EVERY_TENANT_ROLE,
                            () -> operation.invoke(arguments));
                    String text = deepText(answer);
                    secrets.stream().filter(text::contains).findFirst()
                            .ifPresent(secret -> leaks.add(name + "(" + id + ") answered " + secret));
                    outcome = "answered";
                } catch (NotFoundException | ValidationException | AccessDeniedException e) {
                    outcome = e.getClass().getSimpleName();
                } catch (RuntimeException e) {
                    outcome = e.getClass().getSimpleName();
                    unexpected.add(name + "(" + id + "): " + e);
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
        }
        System.out.printf("Cross-tenant attack: %d calls, outcomes %s, not attacked %s%n", calls, outcomes,
                notAttacked);
        assertThat(leaks).as("another tenant's data in an answer").isEmpty();
        assertThat(unexpected).as("failures other than not found, refused or invalid").isEmpty();
        assertThat(notAttacked).as("operations the attack could not build arguments for").isEmpty();
        assertThat(calls).isGreaterThan(2000);
        assertThat(victimSnapshot()).as("Lakeside's documents and files afterwards").isEqualTo(before);
    }

    private Map<String, String> victimSnapshot() {
        Map<String, String> snapshot = TenantSnapshot.of(mongo, VICTIM);
        assertThat(snapshot).hasSizeGreaterThan(50);
        return snapshot;
    }

    /** One id of each kind Lakeside has: a document of every collection, a file, a username, the tenant's own. */
    private List<String> victimIds() {
        List<String> ids = new ArrayList<>(TenantSnapshot.ids(mongo, VICTIM, 1));
        ids.add("lakeside.clinician");
        ids.add(VICTIM);
        return ids;
    }

    /** What must never reach another tenant: Lakeside's people, numbers, addresses and studies (its usernames are
     * among the ids thrown at it, so an answer may echo them). */
    private Set<String> victimSecrets() {
        return SystemActor.callAs("attack-test", VICTIM, Set.of(), () -> {
            Set<String> secrets = new java.util.HashSet<>();
            mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(VICTIM)),
                    Participant.class).forEach(p -> Stream.of(p.getDisplayName(), p.getPhone(), p.getEmail())
                            .forEach(secrets::add));
            mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("tenantId").is(VICTIM)),
                    Account.class).forEach(a -> Stream.of(a.getDisplayName(), a.getEmail())
                            .forEach(secrets::add));
            for (Document study : mongo.getCollection("studies").find(new Document("tenantId", VICTIM))) {
                secrets.add(study.getString("title"));
            }
            secrets.removeIf(s -> s == null || s.length() < 6);
            return secrets;
        });
    }

    /** Plain, valid values with every text the victim's id: the attack is the id, not the shape of the input. */
    private static ServiceArguments.Values victimId(String id) {
        return new ServiceArguments.Values() {
            @Override
            public String text() {
                return id;
            }

            @Override
            public boolean aBoolean() {
                return true;
            }

            @Override
            public int anInt() {
                return 1;
            }

            @Override
            public long aLong() {
                return 1L;
            }

            @Override
            public double aDouble() {
                return 1.0;
            }

            @Override
            public int below(int bound) {
                return 0;
            }

            @Override
            public LocalDate date() {
                return LocalDate.now();
            }

            @Override
            public LocalTime time() {
                return LocalTime.of(9, 0);
            }

            @Override
            public Instant instant() {
                return Instant.now();
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Duration duration() {
                return Duration.ofHours(1);
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }

            @Override
            public Pageable page() {
                return PageRequest.of(0, 20);
            }

            @Override
            public byte[] bytes() {
                return new byte[0];
            }

            @Override
            public int howMany() {
                return 1;
            }

            @Override
            public boolean retryRefusedRecords() {
                return false;
            }
        };
    }

    /** Everything an answer holds, as text: fields of records and classes, elements of collections, walked deep. */
    private static String deepText(@Nullable Object answer) {
        StringBuilder text = new StringBuilder();
        walk(answer, text, new IdentityHashMap<>(), 0);
        return text.toString();
    }

    private static void walk(@Nullable Object value, StringBuilder text, Map<Object, Boolean> seen, int depth) {
        if (value == null || depth > 8 || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Enum<?>
                || value instanceof java.time.temporal.Temporal || value instanceof Boolean) {
            text.append(value).append('\n');
        } else if (value instanceof Optional<?> optional) {
            walk(optional.orElse(null), text, seen, depth + 1);
        } else if (value instanceof Iterable<?> iterable) {
            iterable.forEach(item -> walk(item, text, seen, depth + 1));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                walk(k, text, seen, depth + 1);
                walk(v, text, seen, depth + 1);
            });
        } else if (value instanceof byte[] bytes) {
            text.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                walk(java.lang.reflect.Array.get(value, i), text, seen, depth + 1);
            }
        } else if (value.getClass().getPackageName().startsWith("org.researchportal")
                || value.getClass().getPackageName().startsWith("org.springframework.data.domain")) {
            for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        walk(field.get(value), text, seen, depth + 1);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        text.append(value).append('\n');
                    }
                }
            }
        } else {
            text.append(value).append('\n');
        }
    }
}
