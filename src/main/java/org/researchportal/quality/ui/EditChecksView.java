package org.researchportal.quality.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.quality.CheckDefinition;
import org.researchportal.quality.EditCheckRow;
import org.researchportal.quality.EditChecks;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * A study's edit checks, for its tenant administrator and its data manager (the monitor): add or change one, switch
 * it on or off, add the standard ones, and run them all over the data already saved.
 */
@Route("edit-checks")
@Menu(order = 67, icon = "CHECK_SQUARE_O", title = "menu.edit-checks")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.MONITOR})
final class EditChecksView extends Main implements HasDynamicTitle {

    private final InstrumentLibrary library;
    private final EditChecks checks;
    private final Div body = new Div();
    private final Grid<EditCheckRow> grid = new Grid<>();
    private final CheckReport report;
    private StudySummary study;

    EditChecksView(EditChecks checks, StudyService studies, InstrumentLibrary library) {
        this.checks = checks;
        this.library = library;
        this.report = new CheckReport(checks);
        addClassName("portal-view");
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("menu.edit-checks"), chooser), body);
        columns();
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void columns() {
        grid.addColumn(r -> r.definition().code()).setHeader(getTranslation("edit-check.code")).setAutoWidth(true);
        grid.addColumn(r -> form(r.definition())).setHeader(getTranslation("edit-check.form")).setAutoWidth(true);
        grid.addColumn(r -> r.definition().item()).setHeader(getTranslation("edit-check.item")).setAutoWidth(true);
        grid.addColumn(r -> r.definition().expression()).setHeader(getTranslation("edit-check.expression"))
                .setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.definition().severity().messageKey()))
                .setHeader(getTranslation("edit-check.severity")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("edit-check.enabled")).setAutoWidth(true);
        grid.addClassName("portal-grid");
        grid.setAllRowsVisible(true);
    }

    private String form(CheckDefinition d) {
        String kind = d.kind() == null ? "" : getTranslation(d.kind().messageKey());
        // An instrument by its name in the reader's language; its code is what the expressions name.
        return d.kind() != null && d.form() != null && !d.form().equals(d.kind().code()) ? kind + " · " + library
                .instrument(d.form()).map(i -> i.name().in(getLocale())).orElse(d.form()) : kind;
    }

    private HorizontalLayout actions(EditCheckRow row) {
        boolean on = row.definition().enabled();
        var state = new Span(getTranslation(on ? "edit-checks.on" : "edit-checks.off"));
        var toggle = new Button(getTranslation(on ? "edit-checks.disable" : "edit-checks.enable"), e -> {
            checks.enable(row.id(), !on);
            refresh();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        toggle.setAriaLabel(getTranslation(on ? "edit-checks.disable" : "edit-checks.enable") + " "
                + row.definition().code());
        var edit = new Button(getTranslation("edit-checks.edit"), e -> new EditCheckDialog(checks, study.id(), row,
                this::refresh).open());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.setAriaLabel(getTranslation("edit-checks.edit") + " " + row.definition().code());
        return new HorizontalLayout(state, toggle, edit);
    }

    private void show(StudySummary chosen) {
        study = chosen;
        var add = new Button(getTranslation("edit-checks.add"), e -> new EditCheckDialog(checks, study.id(), null,
                this::refresh).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var standard = new Button(getTranslation("edit-checks.add-standard"), e -> {
            int added = checks.addStandard(study.id());
            Notification.show(getTranslation("edit-checks.standard-added", added));
            refresh();
        });
        var run = new Button(getTranslation("edit-checks.run-all"), e -> report.show(study));
        body.removeAll();
        report.clear();
        body.add(new Section(study.acronym() + " · " + study.title(), new HorizontalLayout(add, standard, run),
                grid), report);
        refresh();
    }

    private void refresh() {
        grid.setItems(checks.checks(study.id()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.edit-checks");
    }
}
