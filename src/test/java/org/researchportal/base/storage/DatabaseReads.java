package org.researchportal.base.storage;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bson.BsonDocument;

/**
 * Shows the find commands a piece of work sends, so a test can say what a read asks the database for (which fields).
 * The synchronous driver tells its listeners on the calling thread: only the work's own commands are kept.
 */
public final class DatabaseReads implements CommandListener {

    private final ThreadLocal<List<BsonDocument>> recording = new ThreadLocal<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<BsonDocument> finds = recording.get();
        if (finds != null && "find".equals(event.getCommandName())) {
            finds.add(event.getCommand().clone());
        }
    }

    /** The find commands this thread sent while doing the work. */
    public List<BsonDocument> findsDuring(Supplier<?> work) {
        List<BsonDocument> finds = new ArrayList<>();
        recording.set(finds);
        try {
            work.get();
        } finally {
            recording.remove();
        }
        return finds;
    }
}
