package org.researchportal.base.storage.coverage;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records the pattern of every query the suite sends (see {@link CommandPatterns}), with how often, by which command and
 * from where in the portal's code, so that {@code IndexCoverageTests} can judge each against the declared indexes once
 * the whole suite has run. The sink is static: every Spring context of the test JVM records into the same one.
 */
public final class SentQueries implements CommandListener {

    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");
    private static final int ORIGINS_KEPT = 3;
    private static final Map<QueryPattern, Sightings> SEEN = new ConcurrentHashMap<>();
    private static final AtomicLong COMMANDS = new AtomicLong();

    private static final ClassValue<Boolean> TEST_CODE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source != null && source.getLocation().getPath().contains("test-classes");
        }
    };

    /** How a pattern was seen: the commands that sent it, how often, and where from. */
    public static final class Sightings {

        private final SortedSet<String> commands = new ConcurrentSkipListSet<>();
        private final SortedSet<String> origins = new ConcurrentSkipListSet<>();
        private final AtomicLong times = new AtomicLong();
        private volatile boolean fromPortal;

        public SortedSet<String> commands() {
            return commands;
        }

        /** Up to three places in the portal's code (or in a test, marked so) that sent it. */
        public SortedSet<String> origins() {
            return origins;
        }

        public long times() {
            return times.get();
        }

        /** Whether the portal's own code sent it, not only a test reading the database to check an outcome. */
        public boolean fromPortal() {
            return fromPortal;
        }
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (SYSTEM_DATABASES.contains(event.getDatabaseName())) {
            return;
        }
        var patterns = CommandPatterns.of(event.getCommandName(), event.getCommand());
        if (patterns.isEmpty()) {
            return;
        }
        COMMANDS.incrementAndGet();
        Origin origin = origin();
        for (QueryPattern pattern : patterns) {
            Sightings sightings = SEEN.computeIfAbsent(pattern, p -> new Sightings());
            sightings.times.incrementAndGet();
            sightings.commands.add(event.getCommandName());
            if (origin.portal()) {
                sightings.fromPortal = true;
            }
            if (sightings.origins.size() < ORIGINS_KEPT) {
                sightings.origins.add(origin.where());
            }
        }
    }

    /** Everything recorded in this JVM so far. */
    public static Map<QueryPattern, Sightings> seen() {
        return Map.copyOf(SEEN);
    }

    /** How many commands with a query were recorded in this JVM so far. */
    public static long commands() {
        return COMMANDS.get();
    }

    private record Origin(boolean portal, String where) {}

    /**
     * The innermost frame of the project's code decides: the portal's code (past TenantDocuments, the one way to the
     * database, to name its caller) or a test that read the database itself. The driver answers on the caller's thread,
     * so the stack is the caller's.
     */
    private static Origin origin() {
        Optional<Origin> found = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames
                        .filter(f -> f.getClassName().startsWith("org.researchportal.")
                                && !f.getClassName().startsWith(SentQueries.class.getPackageName()))
                        .filter(f -> !f.getClassName().startsWith("org.researchportal.tenancy.TenantDocuments"))
                        .findFirst()
                        .map(f -> TEST_CODE.get(f.getDeclaringClass())
                                ? new Origin(false, "test " + simple(f.getClassName()) + "." + f.getMethodName())
                                : new Origin(true, simple(f.getClassName()) + "." + f.getMethodName())));
        return found.orElse(new Origin(true, "(no portal frame: a framework thread)"));
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
