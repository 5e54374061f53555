package org.researchportal.participants.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider.FetchCallback;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Links;
import org.researchportal.participants.CaseloadFigures;
import org.researchportal.participants.CaseloadRow;

/** A caseload: the participants one therapist follows, with how to reach them. */
final class CaseloadGrid extends Composite<Grid<CaseloadRow>> {

    enum Purpose {
        PROGRAMMES
    }

    CaseloadGrid(Purpose purpose, FetchCallback<CaseloadRow, Void> rows) {
        this(purpose, rows, List.of());
    }

    /** With the columns other modules add, read for each page of rows as it is fetched. */
    CaseloadGrid(Purpose purpose, FetchCallback<CaseloadRow, Void> rows, List<CaseloadFigures> figures) {
        Grid<CaseloadRow> grid = getContent();
        grid.addColumn(r -> Formats.text(r.studyNumber())).setHeader(getTranslation("participant.study-number"))
                .setAutoWidth(true);
        grid.addColumn(CaseloadRow::displayName).setHeader(getTranslation("participant.name")).setAutoWidth(true);
        if (purpose == Purpose.PROGRAMMES) {
            // A path, not a class: the exercise module's programme screen builds on this module.
            grid.addComponentColumn(r -> new Anchor("programme/" + r.id(), getTranslation("dashboard.open-programme")))
                    .setKey("programme").setHeader(getTranslation("dashboard.programme")).setAutoWidth(true);
        }
        grid.addColumn(r -> getTranslation("language." + r.language()))
                .setHeader(getTranslation("participant.language")).setAutoWidth(true);
        grid.addColumn(CaseloadRow::armName).setHeader(getTranslation("participant.arm")).setAutoWidth(true);
        grid.addColumn(r -> Formats.date(r.enrolledOn(), getLocale()))
                .setHeader(getTranslation("participant.enrolled-on")).setAutoWidth(true);
        // Each contribution's figures for the rows of the page just fetched, read for the whole page at once.
        Map<CaseloadFigures, Map<String, List<String>>> pageFigures = new HashMap<>();
        for (CaseloadFigures contribution : figures) {
            List<String> headers = contribution.headerKeys();
            for (int i = 0; i < headers.size(); i++) {
                int column = i;
                grid.addColumn(r -> {
                    List<String> values = pageFigures.getOrDefault(contribution, Map.of()).get(r.id());
                    return values == null ? Formats.text(null) : values.get(column);
                }).setKey(headers.get(i)).setHeader(getTranslation(headers.get(i))).setAutoWidth(true);
            }
        }
        if (purpose == Purpose.PROGRAMMES) {
            phoneColumn(grid);
            grid.addColumn(r -> Formats.text(r.email())).setHeader(getTranslation("participant.email"))
                    .setAutoWidth(true);
        }
        grid.setItems(query -> {
            List<CaseloadRow> page = rows.fetch(query).toList();
            List<String> ids = page.stream().map(CaseloadRow::id).toList();
            pageFigures.clear();
            figures.forEach(contribution -> pageFigures.put(contribution, contribution.values(ids, getLocale())));
            return page.stream();
        });
        grid.addClassName("portal-grid");
        grid.setEmptyStateText(getTranslation("dashboard.caseload-empty"));
    }

    private void phoneColumn(Grid<CaseloadRow> grid) {
        grid.addComponentColumn(this::phone).setKey("phone").setHeader(getTranslation("participant.phone"))
                .setAutoWidth(true);
    }

    private Component phone(CaseloadRow row) {
        if (row.phone() == null) {
            return new Span(Formats.text(null));
        }
        // A tel: link, so a coordinator on a softphone or a mobile dials with one click.
        return new Anchor(Links.tel(row.phone()), row.phone());
    }
}
