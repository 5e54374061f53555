package org.researchportal.messaging;

import java.util.EnumSet;
import org.researchportal.base.clinical.ClinicalDataChanged;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an instrument of a participant is answered (by her, or by staff from a paper form), her questionnaire
 * invitations and reminders are planned again at once: those of a timepoint she has nothing left to answer of stop
 * now, not at the next planning round hours later. Runs as the system with the coordinator's authority only, what
 * planning reads (questionnaires, settings, contact) and writes (links, the outbox) need, whoever answered.
 */
@Component
class QuestionnaireReminderCancellation {

    private final TenantSweeps tenants;
    private final ReminderPlanner planner;

    QuestionnaireReminderCancellation(TenantSweeps tenants, ReminderPlanner planner) {
        this.tenants = tenants;
        this.planner = planner;
    }

    @EventListener
    void answered(ClinicalDataChanged change) {
        if (change.form().kind() != FormKind.INSTRUMENT) {
            return;
        }
        String participantId = change.form().participantId();
        // If this fails, the answers are saved: the next planning round cancels what is pending.
        tenants.followUp(change.tenantId(), "questionnaire-answered", EnumSet.of(PortalRole.COORDINATOR),
                "participant " + participantId, () -> planner.planQuestionnaires(ReminderPlanner.DAYS_AHEAD,
                        participantId::equals));
    }
}
