package org.researchportal.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The dashboard's open-query figure: the queries that still stand, by how long they have been open. */
@Component
class OpenQueryAges {

    private final Clock clock;
    private final DataQueries queries;

    OpenQueryAges(Clock clock, DataQueries queries) {
        this.clock = clock;
        this.queries = queries;
    }

    Optional<MonitorFigures.QueryAges> of(String studyId) {
        return Optional.of(count(queries.openOf(studyId).stream().map(DataQueryRow::openedAt).toList()));
    }

    /** Open queries counted by how long they have been open: more than 7 and more than 30 whole days. */
    MonitorFigures.QueryAges count(Collection<Instant> openedAt) {
        Instant now = clock.instant();
        return new MonitorFigures.QueryAges(openedAt.size(),
                openedAt.stream().filter(at -> Duration.between(at, now).toDays() > 7).count(),
                openedAt.stream().filter(at -> Duration.between(at, now).toDays() > 30).count());
    }
}
