package org.researchportal.messaging.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import org.researchportal.messaging.ParticipantInvitations;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;

/** Contributes the invitation to the phone app to a randomised participant's record, just after their care team. */
@org.springframework.stereotype.Component
final class InvitationSection implements ParticipantRecordSection {

    private final ParticipantInvitations invitations;

    InvitationSection(ParticipantInvitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        if (record.studyNumber() == null || invitations.accountReady(record.id())) {
            return new Div();
        }
        return new InvitationPanel(record, invitations, reload);
    }
}
