package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open queries are counted by whole days open: a query open exactly 7 days is not yet "more than 7 days". */
class OpenQueryAgesTests {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void queriesAreCountedPastAWeekAndPastAMonth() {
        var ages = new OpenQueryAges(Clock.fixed(NOW, ZoneOffset.UTC), null).count(List.of(NOW.minus(Duration.ofHours(
                3)),
                NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(31))));
        assertThat(ages).isEqualTo(new MonitorFigures.QueryAges(5, 3, 1));
    }
}
