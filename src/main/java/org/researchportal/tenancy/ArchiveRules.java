package org.researchportal.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * A module's rules for its own collection when a tenant moves between installations in an archive: what must not
 * leave (credentials), what an imported document must satisfy (the rules the module's service keeps), and what it
 * becomes here. The modules build on tenancy, so tenancy declares this and they provide it (as with
 * {@link FirstAdministrators}).
 */
public interface ArchiveRules {

    /** The collection these rules are for. */
    String collection();

    /** The stored document as it goes into the archive. */
    default Document exported(Document stored) {
        return stored;
    }

    /**
     * Why the archive's documents of this collection may not come into this installation as tenant {@code tenantId}
     * (a translation key), or empty when they may. Asked for every collection before anything is written.
     */
    Optional<String> refusal(String tenantId, List<Document> documents);

    /** The document as this installation stores it, imported by {@code importedBy} at {@code at}. */
    default Document imported(Document archived, String importedBy, Instant at) {
        return archived;
    }
}
