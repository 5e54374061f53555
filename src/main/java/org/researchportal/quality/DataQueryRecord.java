package org.researchportal.quality;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.security.PortalRole;

/**
 * A data query with its whole thread, as the site, the monitor and the archive read it.
 *
 * @param value the value the query was raised on, as it read then ({@code null} when the raiser could not read it)
 * @param checkCode the edit check that raised it; {@code null} when a monitor did
 * @param studyNumber the participant's study number (never their arm)
 */
public record DataQueryRecord(String id, DataPoint point, @Nullable String studyNumber, @Nullable String value,
        @Nullable String checkCode, PortalRole assignee, QueryState state, Instant openedAt,
        List<QueryMessage> thread) {

    public DataQueryRecord {
        thread = List.copyOf(thread);
    }

    /** The text the query was raised with, in the reader's language when it was written in both. */
    public String question(java.util.Locale locale) {
        return thread.isEmpty() ? "" : thread.getFirst().text(locale);
    }
}
