package org.researchportal.followup.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.followup.Escalations;
import org.researchportal.participants.ClinicianDashboardSection;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudySummary;
import org.researchportal.identity.AccountService;

/** Puts the calls' open escalations on the clinician's dashboard, near the top: they wait for a clinician. */
@org.springframework.stereotype.Component
final class EscalationsSection implements ClinicianDashboardSection {

    private final Escalations escalations;
    private final ParticipantService participants;
    private final AccountService accounts;

    EscalationsSection(Escalations escalations, ParticipantService participants, AccountService accounts) {
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
