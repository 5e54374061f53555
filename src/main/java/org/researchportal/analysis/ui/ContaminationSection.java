package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.analysis.ContaminationReports;
import org.researchportal.study.StudySummary;

/** Contamination on the statistics page: exercise outside the study per arm and month since randomisation. */
@org.springframework.stereotype.Component
class ContaminationSection implements StatisticsSection {

    private final ContaminationReports reports;

    ContaminationSection(ContaminationReports reports) {
        this.reports = reports;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Component create(StudySummary study) {
        return new ContaminationPanel(study, reports.report(study.id()));
    }
}
