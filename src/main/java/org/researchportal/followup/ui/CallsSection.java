package org.researchportal.followup.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.followup.CallWorklist;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;

/** Contributes the telephone follow-ups to each participant's record, after the adverse events. */
@org.springframework.stereotype.Component
final class CallsSection implements ParticipantRecordSection {

    private final CallWorklist worklist;

    CallsSection(CallWorklist worklist) {
        this.worklist = worklist;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        return new CallsPanel(worklist.callsOf(record.id()));
    }
}
