package org.researchportal.base.storage;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the commands the portal sends that could change stored data: everything but the reads and the driver's own
 * housekeeping. A suite that must prove a call wrote nothing reads the whole tenant again only when this moved.
 */
public final class DatabaseWrites implements CommandListener {

    private static final Set<String> READS = Set.of("find", "getMore", "aggregate", "count", "distinct",
            "listCollections", "listIndexes", "listDatabases", "killCursors", "endSessions", "hello", "ismaster",
            "isMaster", "ping", "buildInfo", "dbStats", "collStats", "serverStatus", "getLastError");

    private final AtomicLong sent = new AtomicLong();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!READS.contains(event.getCommandName())) {
            sent.incrementAndGet();
        }
    }

    /** How many commands that could write have been sent so far. */
    public long sent() {
        return sent.get();
    }
}
