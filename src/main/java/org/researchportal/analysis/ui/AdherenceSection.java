package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.analysis.AdherenceReport;
import org.researchportal.study.StudySummary;

/** Compliance, adherence and fidelity by arm and per participant, with the chart and the downloads. */
@org.springframework.stereotype.Component
final class AdherenceSection implements StatisticsSection {

    private final AdherenceReport report;

    AdherenceSection(AdherenceReport report) {
        this.report = report;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(StudySummary study) {
        return new AdherencePanel(study, report.report(study.id()));
    }
}
