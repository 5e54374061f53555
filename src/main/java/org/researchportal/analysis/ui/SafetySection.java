package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.analysis.SafetyReports;
import org.researchportal.study.StudySummary;

/** The safety report by arm for the data monitoring committee (see {@link SafetyReportView}). */
@org.springframework.stereotype.Component
final class SafetySection implements StatisticsSection {

    private final SafetyReports reports;

    SafetySection(SafetyReports reports) {
        this.reports = reports;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component create(StudySummary study) {
        return new SafetyReportView(study, reports.report(study.id()));
    }
}
