package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.researchportal.assessments.QuestionnaireCompliance;
import org.researchportal.assessments.Questionnaires;
import org.researchportal.base.ui.FoldedCard;
import org.researchportal.participants.ClinicianDashboardSection;
import org.researchportal.study.StudySummary;

/**
 * Puts questionnaire compliance on the clinician's dashboard: per timepoint in view, per participant folded (a row
 * per participant is long and read less often). Nothing for a study whose participants complete no questionnaire.
 */
@org.springframework.stereotype.Component
class QuestionnaireComplianceSection implements ClinicianDashboardSection {

    private final Questionnaires questionnaires;

    QuestionnaireComplianceSection(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    @Override
    public int order() {
        // After the overdue assessment visits: the questionnaires are the visits' own instruments.
        return 3;
    }

    @Override
    public Component section(StudySummary study) {
        var due = questionnaires.ofStudy(study.id());
        if (due.isEmpty()) {
            return new Div();
        }
        return new Figures(QuestionnaireCompliance.of(due));
    }

    private static final class Figures extends Composite<Div> {

        Figures(QuestionnaireCompliance compliance) {
            Div card = getContent();
            card.addClassNames("card", "questionnaire-compliance");
            var note = new Paragraph(getTranslation("compliance.rate-note"));
            note.addClassName("compliance-note");
            card.add(new H2(getTranslation("compliance.title") + " · " + getTranslation("compliance.rate") + " "
                    + ComplianceGrid.rate(compliance.total())),
                    new ComplianceGrid("compliance.timepoint", compliance.byTimepoint()), note,
                    new FoldedCard(() -> new ComplianceGrid("compliance.participant", compliance.byParticipant()),
                            "compliance.by-participant"));
        }
    }
}
