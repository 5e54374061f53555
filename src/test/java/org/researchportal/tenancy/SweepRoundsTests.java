package org.researchportal.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * A round of scheduled work is held by one portal instance at a time. Each {@link SweepRounds} here is one instance's,
 * all on the test database, each with its own clock so that leases can be seen to run out.
 */
class SweepRoundsTests extends PortalTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:15:00Z");

    @Autowired
    MongoOperations mongo;
    @Autowired
    TenantService tenants;
    @Autowired
    TenantDirectory directory;

    private final String purpose = "test-round-" + UUID.randomUUID();

    @Test
    void oneInstanceHoldsARoundUntilItGivesItBackOrItRunsOut() {
        SweepRounds first = instanceAt(NOW);
        SweepRounds second = instanceAt(NOW.plusSeconds(1));
        assertThat(first.take(purpose, "fudan", Duration.ofMinutes(10))).isTrue();
        assertThat(second.take(purpose, "fudan", Duration.ofMinutes(10))).as("held by the first").isFalse();
        assertThat(second.take(purpose, "lakeside", Duration.ofMinutes(10))).as("another tenant's round").isTrue();

        second.giveBack(purpose, "fudan"); // not the second's to give back
        assertThat(second.take(purpose, "fudan", Duration.ofMinutes(10))).isFalse();
        first.giveBack(purpose, "fudan");
        assertThat(second.take(purpose, "fudan", Duration.ofMinutes(10))).isTrue();

        // The second stops without giving it back: the lease runs out by itself.
        assertThat(instanceAt(NOW.plus(Duration.ofMinutes(5))).take(purpose, "fudan", Duration.ofMinutes(10)))
                .isFalse();
        assertThat(instanceAt(NOW.plus(Duration.ofMinutes(11))).take(purpose, "fudan", Duration.ofMinutes(10)))
                .isTrue();
    }

    @Test
    void aRoundOncePerPeriodRunsOnceWhateverTheInstancesTimersDo() {
        String tenant = "r" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Rounds", "UTC"));
        AtomicInteger ran = new AtomicInteger();
        for (int instance = 0; instance < 3; instance++) {
            TenantSweeps sweeps = new TenantSweeps(tenants, directory, instanceAt(NOW.plusSeconds(instance)));
            assertThat(sweeps.oncePerPeriodInEachActiveTenant(purpose, Duration.ofHours(6),
                    EnumSet.of(PortalRole.COORDINATOR), ran::incrementAndGet)).containsOnlyKeys(instance == 0
                            ? allActiveTenants() : Set.of());
        }
        assertThat(ran).as("one round in each active tenant").hasValue(allActiveTenants().size());
        TenantSweeps later = new TenantSweeps(tenants, directory, instanceAt(NOW.plus(Duration.ofHours(6))));
        assertThat(later.oncePerPeriodInEachActiveTenant(purpose, Duration.ofHours(6),
                EnumSet.of(PortalRole.COORDINATOR), ran::incrementAndGet)).containsKey(tenant);
    }

    @Test
    void aRoundOneAtATimeIsGivenBackWhenDoneAndAlsoWhenItFails() {
        TenantSweeps first = new TenantSweeps(tenants, directory, instanceAt(NOW));
        TenantSweeps second = new TenantSweeps(tenants, directory, instanceAt(NOW.plusSeconds(1)));
        assertThat(first.inEachActiveTenant(purpose, EnumSet.of(PortalRole.COORDINATOR), () -> {
            // While the first runs fudan's round, the second's timer fires: it skips that tenant.
            assertThat(second.inEachActiveTenant(purpose, EnumSet.of(PortalRole.COORDINATOR), () -> "second"))
                    .doesNotContainKey(CurrentUser.require().tenantId());
            return "first";
        })).containsEntry("fudan", "first");
        assertThat(second.inEachActiveTenant(purpose, EnumSet.of(PortalRole.COORDINATOR), () -> "second"))
                .containsEntry("fudan", "second");
        assertThat(first.inEachActiveTenant(purpose, EnumSet.of(PortalRole.COORDINATOR), () -> {
            throw new IllegalStateException("a failing round");
        })).isEmpty();
        assertThat(second.inEachActiveTenant(purpose, EnumSet.of(PortalRole.COORDINATOR), () -> "second"))
                .as("failed rounds were given back").containsEntry("fudan", "second");
    }

    private Set<String> allActiveTenants() {
        return Set.copyOf(asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.tenants().stream()
                .filter(Tenant::active).map(Tenant::id).toList()));
    }

    private SweepRounds instanceAt(Instant now) {
        return new SweepRounds(mongo, Clock.fixed(now, ZoneOffset.UTC));
    }
}
