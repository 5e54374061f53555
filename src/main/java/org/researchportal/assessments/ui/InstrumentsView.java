package org.researchportal.assessments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.researchportal.assessments.InstrumentDesigner;
import org.researchportal.assessments.InstrumentVersionRow;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The tenant administrator's instruments: each with its newest published version and whether a draft waits, opened
 * to design; and the REDCap data dictionary they travel in, both ways.
 */
@Route("admin/instruments")
@Menu(order = 66, icon = "CLIPBOARD_TEXT", title = "menu.instruments")
@RolesAllowed(Roles.TENANT_ADMIN)
final class InstrumentsView extends Main implements HasDynamicTitle {

    private final InstrumentDesigner designer;
    private final Grid<InstrumentVersionRow> grid = new Grid<>();

    InstrumentsView(InstrumentDesigner designer, StudyService studies, Clock clock) {
        this.designer = designer;
        addClassName("portal-view");
        var create = new Button(getTranslation("instruments.new"),
                e -> getUI().ifPresent(ui -> ui.navigate(InstrumentDesignView.class)));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        String project = studies.studies().stream().findFirst().map(StudySummary::acronym)
                .orElse(CurrentUser.require().tenantId());
        var download = DictionaryDownload.link(getTranslation("dictionary.download"), designer, project,
                clock.withZone(CurrentUser.require().zone()));
        grid.addClassName("instruments-grid");
        grid.addColumn(r -> r.instrument().name().in(getLocale())).setHeader(getTranslation("instruments.name"))
                .setFlexGrow(1);
        grid.addColumn(InstrumentVersionRow::code).setHeader(getTranslation("instruments.code")).setAutoWidth(true)
                .setFlexGrow(0);
        // Versions are numbered in turn and only the newest can be a draft, so the one before it is published.
        grid.addColumn(r -> {
            int published = r.published() ? r.number() : r.number() - 1;
            return published == 0 ? getTranslation("instruments.unpublished")
                    : getTranslation("instruments.version", published);
        }).setHeader(getTranslation("instruments.published")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.published() ? "" : getTranslation("instruments.draft", r.number()))
                .setHeader(getTranslation("instruments.draft-header")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.instrument().questions().size()).setHeader(getTranslation("instruments.items"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.instrument().scores().size()).setHeader(getTranslation("instruments.scores"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            var open = new Button(getTranslation("instruments.open"), e -> getUI().ifPresent(ui -> ui.navigate(
                    InstrumentDesignView.class, r.code())));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(InstrumentDesignView.class,
                e.getItem().code())));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        list();
        add(new ViewToolbar(getTranslation("menu.instruments"), create),
                new Paragraph(getTranslation("instruments.intro")), grid,
                new Section(getTranslation("dictionary.title"), new Paragraph(getTranslation("dictionary.intro")),
                        download, new DictionaryImport(designer, this::list)));
    }

    /** A tenant's instruments are tens at most, so the list is loaded whole. */
    private void list() {
        grid.setItems(designer.designs());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.instruments");
    }
}
