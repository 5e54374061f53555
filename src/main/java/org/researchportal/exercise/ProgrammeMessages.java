package org.researchportal.exercise;

import java.util.EnumSet;
import java.util.List;
import org.researchportal.base.security.PortalRole;
import org.researchportal.messaging.DueReminders;
import org.researchportal.messaging.StaffAlerts;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What messaging sends about the exercise programme: a session reminder on each programme day, the weekly link to a
 * video, and the therapist's email about an alert. Messaging declares what it needs; this module tells it, so
 * messaging need not know programmes.
 */
@Component
class ProgrammeMessages implements DueReminders {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeMessages.class);

    private final ProgrammeFeed feed;
    private final MediaLibrary media;
    private final StaffAlerts alerts;
    private final TenantSweeps tenants;

    ProgrammeMessages(ProgrammeFeed feed, MediaLibrary media, StaffAlerts alerts, TenantSweeps tenants) {
        this.feed = feed;
        this.media = media;
        this.alerts = alerts;
        this.tenants = tenants;
    }

    @Override
    public List<SessionDay> sessionDays(int days) {
        return feed.programmeDaysAhead(days).stream().map(day -> new SessionDay(day.participantId(), day.date()))
                .toList();
    }

    @Override
    public List<VideoWeek> videoWeeks(int days) {
        return media.videoWeeksAhead(days).stream().map(week -> new VideoWeek(week.participantId(), week.date(),
                week.week(), week.exerciseCode())).toList();
    }

    /** The alert is raised whatever happens here: a failure to plan the email is logged, the alert page lists it. */
    @EventListener
    void alertRaised(ProgrammeAlertRaised event) {
        try {
            tenants.inTenant(event.tenantId(), "programme-alert", EnumSet.of(PortalRole.CLINICIAN,
                    PortalRole.COORDINATOR), () -> alerts.programmeAlert(event.participantId(), event.alertId(),
                            StaffAlerts.ProgrammeAlertKind.valueOf(event.kind().name())));
        } catch (RuntimeException e) {
            LOG.error("Could not plan the alert email for programme alert {}", event.alertId(), e);
        }
    }
}
