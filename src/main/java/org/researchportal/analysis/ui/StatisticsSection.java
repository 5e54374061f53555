package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.study.StudySummary;

/**
 * One report of the statistics page (the blinding index, adherence, contamination, safety, outcomes, CERT). Each is a
 * bean that builds a fresh component for the study chosen; the page shows them in their order.
 */
interface StatisticsSection {

    int order();

    Component create(StudySummary study);
}
