package org.researchportal.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dashboard's open-query figure. The queries feature is built alongside this dashboard: until it is wired in here
 * (its open queries' opening times, e.g. {@code DataQueries.openOf(studyId)} mapped to {@code openedAt}, handed to
 * {@link #count}) the figure is unknown, and the dashboard says so.
 */
@Component
class OpenQueryAges {

    private final Clock clock;

    OpenQueryAges(Clock clock) {
        this.clock = clock;
    }

    Optional<MonitorFigures.QueryAges> of(String studyId) {
        return Optional.empty();
    }

    /** Open queries counted by how long they have been open: more than 7 and more than 30 whole days. */
    MonitorFigures.QueryAges count(Collection<Instant> openedAt) {
        Instant now = clock.instant();
        return new MonitorFigures.QueryAges(openedAt.size(),
                openedAt.stream().filter(at -> Duration.between(at, now).toDays() > 7).count(),
                openedAt.stream().filter(at -> Duration.between(at, now).toDays() > 30).count());
    }
}
