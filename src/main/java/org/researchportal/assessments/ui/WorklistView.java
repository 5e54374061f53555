package org.researchportal.assessments.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The assessor's worklist: every timepoint whose window closed unassessed (waiting for a missed or not-done decision)
 * or is open, first; the rest (upcoming, assessed, missed) on request. No arm, anywhere.
 */
@Route("assessments")
@Menu(order = 19, icon = "CALENDAR_CLOCK", title = "menu.worklist")
@RolesAllowed(Roles.ASSESSOR)
final class WorklistView extends Main implements HasDynamicTitle {

    private final AssessmentService assessments;
    private final Grid<DueAssessment> grid = new Grid<>();
    private final Checkbox showAll = new Checkbox();
    private final Select<StudySummary> study = new Select<>();

    WorklistView(AssessmentService assessments, StudyService studies) {
        this.assessments = assessments;
        addClassName("portal-view");
        List<StudySummary> all = studies.studies();
        study.setItems(all);
        study.setItemLabelGenerator(StudySummary::acronym);
        study.setAriaLabel(getTranslation("dashboard.study"));
        study.setVisible(all.size() > 1);
        showAll.setLabel(getTranslation("worklist.show-all"));

        grid.addColumn(d -> Formats.text(d.studyNumber())).setHeader(getTranslation("participant.study-number"))
                .setAutoWidth(true);
        grid.addColumn(DueAssessment::displayName).setHeader(getTranslation("participant.name")).setAutoWidth(true);
        grid.addColumn(d -> d.timepointLabel(getLocale())).setHeader(getTranslation("worklist.timepoint"))
                .setAutoWidth(true);
        grid.addColumn(d -> getTranslation(d.state().messageKey())).setHeader(getTranslation("worklist.state"))
                .setAutoWidth(true);
        grid.addColumn(d -> Formats.date(d.dueOn(), getLocale())).setHeader(getTranslation("worklist.due"))
                .setAutoWidth(true);
        grid.addColumn(d -> Formats.date(d.windowOpens(), getLocale()) + " – " + Formats.date(d.windowCloses(),
                getLocale())).setHeader(getTranslation("worklist.window")).setAutoWidth(true);
        grid.addColumn(d -> d.instrumentsDone() + " / " + d.instrumentsTotal())
                .setHeader(getTranslation("worklist.progress")).setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(AssessmentEntryView.class,
                new RouteParameters(AssessmentEntryView.params(e.getItem().participantId(),
                        e.getItem().timepoint())))));
        grid.addClassName("portal-grid");
        grid.setEmptyStateText(getTranslation("worklist.empty"));
        study.addValueChangeListener(e -> refresh());
        showAll.addValueChangeListener(e -> refresh());

        add(new ViewToolbar(getTranslation("menu.worklist"), study, showAll),
                new Section(getTranslation("worklist.title"), grid));
        all.stream().findFirst().ifPresent(study::setValue);
    }

    private void refresh() {
        if (study.getValue() == null) {
            return;
        }
        // One study's worklist is small (participants x timepoints) and computed whole, so it is listed whole.
        grid.setItems(assessments.worklist(study.getValue().id()).stream()
                .filter(d -> showAll.getValue() || d.state().open()).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.worklist");
    }
}
