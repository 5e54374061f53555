package org.researchportal.quality.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Optional;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.DataQueryRecord;
import org.researchportal.quality.PointWords;
import org.researchportal.quality.QueryState;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * A study's queries, filtered by state: all of them for the monitor, those assigned to one's roles for the site.
 * Opened with a query's id (the link in its email), it opens that query. Participants by study number only.
 */
@Route("queries/:queryId?")
@Menu(order = 27, icon = "COMMENTS_O", title = "menu.queries")
@RolesAllowed({Roles.MONITOR, Roles.ASSESSOR, Roles.CLINICIAN, Roles.COORDINATOR})
final class QueriesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final DataQueries queries;
    private final PointWords words;
    private final Grid<DataQueryRecord> grid = new Grid<>();
    private final Select<QueryState> state = new Select<>();
    private final Div body = new Div();
    private Optional<StudySummary> study = Optional.empty();

    QueriesView(DataQueries queries, PointWords words, StudyService studies) {
        this.queries = queries;
        this.words = words;
        addClassNames("portal-view", "queries-view");
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, s -> {
            study = Optional.of(s);
            refresh();
        });
        state.setLabel(getTranslation("queries.state"));
        state.setItems(QueryState.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption(getTranslation("queries.all-states"));
        state.setItemLabelGenerator(s -> s == null ? getTranslation("queries.all-states")
                : getTranslation(s.messageKey()));
        state.addClassName("queries-state");
        state.addValueChangeListener(e -> refresh());
        add(new ViewToolbar(getTranslation("queries.title"), chooser), body);
        grid.addColumn(q -> Formats.text(q.studyNumber())).setHeader(getTranslation("queries.participant"))
                .setAutoWidth(true);
        grid.addColumn(q -> words.of(q.point(), getLocale())).setHeader(getTranslation("queries.field"))
                .setFlexGrow(1);
        grid.addColumn(q -> getTranslation(q.state().messageKey())).setHeader(getTranslation("queries.state"))
                .setAutoWidth(true);
        grid.addColumn(q -> getTranslation(QueryDialog.roleKey(q.assignee())))
                .setHeader(getTranslation("queries.assignee")).setAutoWidth(true);
        grid.addColumn(q -> Formats.dateTime(q.openedAt(), CurrentUser.require().zone(), getLocale()))
                .setHeader(getTranslation("queries.opened")).setAutoWidth(true);
        grid.addColumn(q -> q.question(getLocale())).setHeader(getTranslation("queries.question")).setFlexGrow(2);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addClassName("portal-grid");
        grid.setEmptyStateText(getTranslation("queries.none"));
        var blinding = new Paragraph(getTranslation("queries.blinded-note"));
        blinding.addClassName("portal-notice");
        body.add(new Section(getTranslation("queries.title"), blinding, state, grid));
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get("queryId").flatMap(queries::query).ifPresent(this::open);
    }

    private void open(DataQueryRecord query) {
        new QueryDialog(query, queries, words, this::refresh).open();
    }

    private void refresh() {
        study.ifPresent(s -> grid.setItems(queries.ofStudy(s.id(), state.getValue() == null
                ? EnumSet.noneOf(QueryState.class) : EnumSet.of(state.getValue()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("queries.title");
    }
}
