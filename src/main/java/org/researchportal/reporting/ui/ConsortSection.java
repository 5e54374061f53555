package org.researchportal.reporting.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.base.ui.FoldedCard;
import org.researchportal.participants.ClinicianDashboardSection;
import org.researchportal.reporting.ConsortService;
import org.researchportal.study.StudySummary;

/** Contributes the live CONSORT diagram to the clinician's dashboard. */
@org.springframework.stereotype.Component
class ConsortSection implements ClinicianDashboardSection {

    private final ConsortService consort;

    ConsortSection(ConsortService consort) {
        this.consort = consort;
    }

    @Override
    public int order() {
        return 5;
    }

    /**
     * Folded: the diagram (an SVG of some 20,000 characters) and its counts are made when a clinician opens it, not
     * for every session that lands on the dashboard.
     */
    @Override
    public Component section(StudySummary study) {
        return new FoldedCard(() -> new ConsortPanel(study, consort.flow(study.id())), "consort.title");
    }
}
