package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import org.researchportal.assessments.QuestionnaireCompliance;

/**
 * Questionnaire compliance as a table, one row per timepoint or per participant: expected, completed, open, late,
 * missed and the completion rate.
 */
final class ComplianceGrid extends Composite<Grid<QuestionnaireCompliance.Figures>> {

    ComplianceGrid(String firstHeaderKey, List<QuestionnaireCompliance.Figures> rows) {
        var grid = getContent();
        grid.addColumn(f -> f.label(getLocale())).setKey("label").setHeader(getTranslation(firstHeaderKey))
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
        grid.addColumn(f -> rate(f)).setKey("rate").setHeader(getTranslation("compliance.rate")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("compliance.none"));
        grid.addClassName("compliance-grid");
    }

    /** A rate in whole percent, or a dash while nothing is settled. */
    static String rate(QuestionnaireCompliance.Figures figures) {
        return figures.ratePercent() < 0 ? "–" : figures.ratePercent() + "%";
    }
}
