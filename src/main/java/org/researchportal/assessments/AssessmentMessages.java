package org.researchportal.assessments;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.researchportal.base.security.PortalRole;
import org.researchportal.messaging.DueReminders;
import org.researchportal.messaging.StaffAlerts;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantSweeps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What messaging sends about assessments: a reminder the day before a timepoint falls due, and the clinicians' email
 * about a serious adverse event. Messaging declares what it needs; this module tells it, so messaging need not know
 * assessments.
 */
@Component
class AssessmentMessages implements DueReminders {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentMessages.class);

    private final AssessmentService assessments;
    private final StudyService studies;
    private final StaffAlerts alerts;
    private final TenantSweeps tenants;

    AssessmentMessages(AssessmentService assessments, StudyService studies, StaffAlerts alerts, TenantSweeps tenants) {
        this.assessments = assessments;
        this.studies = studies;
        this.alerts = alerts;
        this.tenants = tenants;
    }

    @Override
    public List<AssessmentDue> assessments() {
        List<AssessmentDue> due = new ArrayList<>();
        for (var study : studies.studies()) {
            for (DueAssessment timepoint : assessments.worklist(study.id())) {
                due.add(new AssessmentDue(timepoint.participantId(), timepoint.timepoint(), timepoint.dueOn(),
                        timepoint.state() == DueAssessment.State.DONE));
            }
        }
        return due;
    }

    /** The report never waits on the email: a failure to plan it is logged, and the dashboard still lists the event. */
    @EventListener
    void seriousAdverseEvent(SeriousAdverseEventReported event) {
        try {
            tenants.inTenant(event.tenantId(), "sae-alert", EnumSet.of(PortalRole.CLINICIAN, PortalRole.COORDINATOR),
                    () -> alerts.seriousAdverseEvent(event.studyId(), event.participantId(), event.adverseEventId()));
        } catch (RuntimeException e) {
            LOG.error("Could not plan the alert emails for adverse event {}", event.adverseEventId(), e);
        }
    }
}
