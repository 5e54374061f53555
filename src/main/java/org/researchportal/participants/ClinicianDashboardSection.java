package org.researchportal.participants;

import com.vaadin.flow.component.Component;
import org.researchportal.study.StudySummary;

/** A part of the clinician's dashboard that another module contributes (e.g. open serious adverse events). */
public interface ClinicianDashboardSection {

    int order();

    Component section(StudySummary study);
}
