package org.researchportal.followup.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.followup.Escalations;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.CallParticipants;
import org.researchportal.participants.ClinicianDashboardSection;
import org.researchportal.study.StudySummary;

/** Puts the calls' open escalations on the clinician's dashboard, near the top: they wait for a clinician. */
@org.springframework.stereotype.Component
final class EscalationsSection implements ClinicianDashboardSection {

    private final Escalations escalations;
    private final CallParticipants participants;
    private final AccountService accounts;

    EscalationsSection(Escalations escalations, CallParticipants participants, AccountService accounts) {
        this.escalations = escalations;
        this.participants = participants;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        // After the serious adverse events, before the overdue assessments: someone is waiting for an answer.
        return 1;
    }

    @Override
    public Component section(StudySummary study) {
        return new EscalationList(escalations, participants, accounts, study);
    }
}
