package org.researchportal.assessments;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * What messaging sends about assessments: a reminder the day before a timepoint falls due, the invitation and reminders
 * to answer a timepoint's questionnaires, and the clinicians' email about a serious adverse event. Messaging declares what it needs; this module tells it, so messaging need not know
 * assessments.
 */
@Component
class AssessmentMessages implements DueReminders {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentMessages.class);

    private final AssessmentService assessments;
    private final Questionnaires questionnaires;
    private final StudyService studies;
    private final StaffAlerts alerts;
    private final TenantSweeps tenants;

    AssessmentMessages(AssessmentService assessments, Questionnaires questionnaires, StudyService studies,
            StaffAlerts alerts, TenantSweeps tenants) {
        this.assessments = assessments;
        this.questionnaires = questionnaires;
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

    /**
     * Each participant's timepoints with questionnaires of her own, one entry per timepoint (its instruments share the
     * window), with the study's reminder days.
     */
    @Override
    public List<QuestionnaireDue> questionnaires() {
        List<QuestionnaireDue> due = new ArrayList<>();
        for (var study : studies.studies()) {
            List<DueQuestionnaire> all = questionnaires.ofStudy(study.id());
            if (all.isEmpty()) {
                continue;
            }
            List<Integer> reminderDays = studies.questionnaireSettings(study.id()).reminderDays();
            Map<String, List<DueQuestionnaire>> byTimepoint = new LinkedHashMap<>();
            all.forEach(q -> byTimepoint.computeIfAbsent(q.participantId() + "/" + q.timepoint(),
                    unseen -> new ArrayList<>()).add(q));
            for (List<DueQuestionnaire> timepoint : byTimepoint.values()) {
                DueQuestionnaire first = timepoint.getFirst();
                // Nothing left for her: each answered, excused, or past its window.
                boolean done = timepoint.stream().noneMatch(q -> q.state().answerable()
                        || q.state() == DueQuestionnaire.State.UPCOMING);
                due.add(new QuestionnaireDue(first.participantId(), first.timepoint(), first.opensOn(),
                        first.closesOn(), reminderDays, done));
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
