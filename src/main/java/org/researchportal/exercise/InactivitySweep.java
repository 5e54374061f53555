package org.researchportal.exercise;

import java.time.Duration;
import java.util.EnumSet;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Once a day, in each active tenant, raises the "no session for a week" alerts. A log event cannot notice a session
 * that never happens, so this sweep does. The hour is configured; the default is early morning.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InactivitySweep {

    private static final Logger LOG = LoggerFactory.getLogger(InactivitySweep.class);
    /** Every instance's timer fires at the same hour; the first takes the day's sweep, the others find it taken. */
    private static final Duration ONE_DAY_AT_A_TIME = Duration.ofHours(12);

    private final TenantSweeps tenants;
    private final ProgrammeAlerts programmeAlerts;

    InactivitySweep(TenantSweeps tenants, ProgrammeAlerts programmeAlerts) {
        this.tenants = tenants;
        this.programmeAlerts = programmeAlerts;
    }

    @Scheduled(cron = "${portal.exercise.inactivity-sweep:0 15 6 * * *}")
    void sweep() {
        tenants.oncePerPeriodInEachActiveTenant("inactivity-sweep", ONE_DAY_AT_A_TIME,
                EnumSet.of(PortalRole.THERAPIST), programmeAlerts::raiseInactivityAlerts).forEach((tenant,
                        raised) -> LOG.info("Inactivity sweep of tenant {}: {} alert(s) raised", tenant, raised));
    }
}
