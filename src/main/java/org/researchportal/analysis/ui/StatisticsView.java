package org.researchportal.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import org.researchportal.base.security.Roles;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where the statistician lands, and what the unblinded clinician opens from the menu: the study's reports by arm,
 * one section each (see {@link StatisticsSection}). Never a blinded role's: every section here splits by arm.
 */
@Route("statistics")
@Menu(order = 26, icon = "BAR_CHART", title = "menu.statistics")
@RolesAllowed({Roles.STATISTICIAN, Roles.CLINICIAN})
@ShowsArms
final class StatisticsView extends Main implements HasDynamicTitle {

    private final List<StatisticsSection> sections;
    private final Div body = new Div();

    StatisticsView(StudyService studies, ObjectProvider<StatisticsSection> sections) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(StatisticsSection::order)).toList();
        addClassNames("portal-view", "statistics-page");
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("menu.statistics"), chooser), body);
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void show(StudySummary study) {
        body.removeAll();
        var note = new Paragraph(getTranslation("statistics.unblinded-note"));
        note.addClassName("portal-notice");
        body.add(note);
        sections.forEach(section -> body.add(section.create(study)));
        showAllRows(body);
    }

    /**
     * A report's tables are short (a row per arm, grade or timepoint): each shows all its rows rather than a
     * scrolling box of a fixed height with most of it empty.
     */
    static void showAllRows(Component component) {
        if (component instanceof Grid<?> grid) {
            grid.setAllRowsVisible(true);
        }
        component.getChildren().forEach(StatisticsView::showAllRows);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.statistics");
    }
}
