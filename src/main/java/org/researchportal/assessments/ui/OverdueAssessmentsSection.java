package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.ui.FoldedCard;
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

    /**
     * Folded, its title counting them: the rows (names a clinician looks up when following up) are made when the card
     * is opened, not in every session's first answer.
     */
    @Override
    public Component section(StudySummary study) {
        List<DueAssessment> overdue = assessments.worklist(study.id()).stream()
                .filter(d -> d.state() == DueAssessment.State.WINDOW_CLOSED).toList();
        return new FoldedCard(() -> new OverdueAssessments(overdue), "overdue.title", overdue.size());
    }
}
