package org.researchportal.followup.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.followup.CallWorklist;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;

/** Contributes the telephone follow-ups to each participant's record, after the adverse events. */
@org.springframework.stereotype.Component
final class CallsSection implements ParticipantRecordSection {

    private final CallWorklist worklist;
    private final AccountService accounts;

    CallsSection(CallWorklist worklist, AccountService accounts) {
        this.worklist = worklist;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        var calls = worklist.callsOf(record.id());
        return new CallsPanel(calls, accounts.names(CallSummary.callers(calls)));
    }
}
