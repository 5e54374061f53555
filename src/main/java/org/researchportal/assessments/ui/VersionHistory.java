package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.researchportal.assessments.InstrumentVersionRow;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.PeopleNames;

/** An instrument's versions, newest first: when and by whom each was published, and the draft if there is one. */
final class VersionHistory extends Composite<Grid<InstrumentVersionRow>> {

    private final AccountService accounts;
    private PeopleNames people;

    VersionHistory(AccountService accounts) {
        this.accounts = accounts;
        this.people = accounts.names(List.of());
        Grid<InstrumentVersionRow> grid = getContent();
        grid.addClassName("version-history");
        grid.addColumn(InstrumentVersionRow::number).setHeader(getTranslation("designer.version.number"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> getTranslation(v.published() ? "designer.version.published" : "designer.version.draft"))
                .setHeader(getTranslation("designer.version.state")).setAutoWidth(true);
        grid.addColumn(v -> Formats.dateTime(v.published() ? v.publishedAt() : v.changedAt(), CurrentUser.require()
                .zone(), getLocale())).setHeader(getTranslation("designer.version.when")).setAutoWidth(true);
        grid.addColumn(v -> people.shown(v.published() ? v.publishedBy() : v.changedBy(), getLocale()))
                .setHeader(getTranslation("designer.version.by")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
    }

    /** Versions of one instrument are few (one per publication), so they are listed whole. */
    void show(List<InstrumentVersionRow> versions) {
        people = accounts.names(versions.stream().flatMap(v -> Stream.of(v.changedBy(), v.publishedBy()))
                .filter(Objects::nonNull).distinct().toList());
        getContent().setItems(versions.reversed());
    }
}
