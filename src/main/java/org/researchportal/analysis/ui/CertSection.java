package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.researchportal.analysis.CertReport;
import org.researchportal.analysis.CertReports;
import org.researchportal.base.ui.Section;
import org.researchportal.study.StudySummary;

/** The statistics page's CERT section: how complete the study's CERT report is, and the way to it. */
@org.springframework.stereotype.Component
final class CertSection implements StatisticsSection {

    private final CertReports reports;

    CertSection(CertReports reports) {
        this.reports = reports;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Component create(StudySummary study) {
        CertReport report = reports.report(study.id());
        var summary = new Paragraph();
        var content = new Div();
        var section = new Section(summary.getTranslation("cert.statistics.title"), content);
        summary.setText(section.getTranslation("cert.statistics.summary"));
        var completeness = new Paragraph(section.getTranslation("cert.completeness", report.completeCount(),
                report.entries().size()));
        completeness.addClassName("cert-completeness");
        content.add(summary, completeness, new Anchor("cert?study=" + study.id(), section.getTranslation("cert.open")));
        return section;
    }
}
