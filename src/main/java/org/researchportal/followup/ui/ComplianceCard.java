package org.researchportal.followup.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.researchportal.assessments.QuestionnaireCompliance;
import org.researchportal.study.StudySummary;

/**
 * A study's questionnaire compliance for the coordinator, per timepoint: expected, completed, open, late, missed and
 * the completion rate, with how the rate is counted. (The clinician's dashboard has its own, in the assessments
 * module: its screens are its own.)
 */
final class ComplianceCard extends Composite<Div> {

    ComplianceCard(StudySummary study, QuestionnaireCompliance compliance) {
        Div card = getContent();
        card.addClassNames("card", "questionnaire-compliance");
        var grid = new Grid<QuestionnaireCompliance.Figures>();
        grid.addColumn(f -> f.label(getLocale())).setKey("label").setHeader(getTranslation("compliance.timepoint"))
                .setFlexGrow(2);
        grid.addColumn(QuestionnaireCompliance.Figures::expected).setKey("expected")
                .setHeader(getTranslation("compliance.expected")).setAutoWidth(true);
        grid.addColumn(QuestionnaireCompliance.Figures::completed).setKey("completed")
                .setHeader(getTranslation("compliance.completed")).setAutoWidth(true);
        grid.addColumn(QuestionnaireCompliance.Figures::open).setKey("open")
                .setHeader(getTranslation("compliance.open")).setAutoWidth(true);
        grid.addColumn(QuestionnaireCompliance.Figures::late).setKey("late")
                .setHeader(getTranslation("compliance.late")).setAutoWidth(true);
        grid.addColumn(QuestionnaireCompliance.Figures::missed).setKey("missed")
                .setHeader(getTranslation("compliance.missed")).setAutoWidth(true);
        grid.addColumn(ComplianceCard::rate).setKey("rate").setHeader(getTranslation("compliance.rate"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(compliance.byTimepoint());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("compliance.none"));
        grid.addClassName("compliance-grid");
        var note = new Paragraph(getTranslation("compliance.rate-note"));
        note.addClassName("compliance-note");
        card.add(new H2(getTranslation("compliance.title") + " · " + study.acronym() + " · "
                + getTranslation("compliance.rate") + " " + rate(compliance.total())), grid, note);
    }

    private static String rate(QuestionnaireCompliance.Figures figures) {
        return figures.ratePercent() < 0 ? "–" : figures.ratePercent() + "%";
    }
}
