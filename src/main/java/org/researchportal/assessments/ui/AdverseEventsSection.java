package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;

/** Contributes the adverse events panel to each participant's record. */
@org.springframework.stereotype.Component
class AdverseEventsSection implements ParticipantRecordSection {

    private final AdverseEventService service;
    private final AdverseEventDrafts drafts;
    private final AccountService accounts;
    private final FormMarkings markings;

    AdverseEventsSection(AdverseEventService service, AdverseEventDrafts drafts, AccountService accounts,
            FormMarkings markings) {
        this.markings = markings;
        this.service = service;
        this.drafts = drafts;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        return new AdverseEventsPanel(record, service, drafts, accounts, markings, reload);
    }
}
