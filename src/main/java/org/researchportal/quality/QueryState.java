package org.researchportal.quality;

import java.util.Locale;

/** Where a data query stands: raised, answered by the site, closed by the monitor, or opened again. */
public enum QueryState {
    OPEN,
    ANSWERED,
    CLOSED,
    REOPENED;

    /** Whether the site still owes an answer. */
    public boolean awaitingAnswer() {
        return this == OPEN || this == REOPENED;
    }

    /** Whether the query still stands (it blocks the database lock until closed). */
    public boolean unresolved() {
        return this != CLOSED;
    }

    public String messageKey() {
        return "query.state." + name().toLowerCase(Locale.ROOT);
    }
}
