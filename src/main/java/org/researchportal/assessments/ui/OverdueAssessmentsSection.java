package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.participants.ClinicianDashboardSection;
import org.researchportal.study.StudySummary;

/** Contributes the overdue assessments to the clinician's dashboard. */
@org.springframework.stereotype.Component
class OverdueAssessmentsSection implements ClinicianDashboardSection {

    private final AssessmentService assessments;

    OverdueAssessmentsSection(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public Component section(StudySummary study) {
        return new OverdueAssessments(study, assessments);
    }
}
