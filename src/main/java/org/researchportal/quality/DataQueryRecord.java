package org.researchportal.quality;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.clinical.FormKind;
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

    private static final java.util.Set<String> ARM_REVEALING = java.util.Set.of("relatedness", "action");

    public DataQueryRecord {
        thread = List.copyOf(thread);
    }

    /**
     * The query as a blinded reader (the monitor, the assessor) may read it: an adverse event's relatedness to the
     * programme and the action taken on it (a programme paused or stopped) would tell the arm, so their values are
     * withheld; the words of the thread stay.
     */
    public DataQueryRecord forBlindedReader() {
        boolean armRevealing = point.form().kind() == FormKind.ADVERSE_EVENT && ARM_REVEALING.contains(point.item());
        if (!armRevealing) {
            return this;
        }
        return new DataQueryRecord(id, point, studyNumber, null, checkCode, assignee, state, openedAt, thread.stream()
                .map(m -> new QueryMessage(m.by(), m.byName(), m.role(), m.at(), m.kind(), m.text(), m.textZh(), null,
                        null)).toList());
    }

    /** The text the query was raised with, in the reader's language when it was written in both. */
    public String question(java.util.Locale locale) {
        return thread.isEmpty() ? "" : thread.getFirst().text(locale);
    }
}
