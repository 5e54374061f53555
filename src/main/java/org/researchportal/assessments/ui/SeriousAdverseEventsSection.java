package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.participants.ClinicianDashboardSection;
import org.researchportal.study.StudySummary;

/** Contributes the open serious adverse events to the top of the clinician's dashboard. */
@org.springframework.stereotype.Component
class SeriousAdverseEventsSection implements ClinicianDashboardSection {

    private final AdverseEventService service;
    private final AdverseEventDrafts drafts;

    SeriousAdverseEventsSection(AdverseEventService service, AdverseEventDrafts drafts) {
        this.service = service;
        this.drafts = drafts;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Component section(StudySummary study) {
        return new OpenSeriousAdverseEvents(study, service, drafts);
    }
}
