package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.Locale;
import org.researchportal.base.ui.Section;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.DataQueryRecord;
import org.researchportal.quality.PointWords;

/** The participant's data queries on their record (those the reader's roles answer), each opening its thread. */
@org.springframework.stereotype.Component
class ParticipantQueriesSection implements ParticipantRecordSection {

    private final DataQueries queries;
    private final PointWords words;

    ParticipantQueriesSection(DataQueries queries, PointWords words) {
        this.queries = queries;
        this.words = words;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        var grid = new Grid<DataQueryRecord>();
        Locale locale = UI.getCurrent().getLocale();
        grid.addColumn(q -> words.of(q.point(), locale)).setHeader(grid.getTranslation("queries.field"))
                .setFlexGrow(1);
        grid.addColumn(q -> grid.getTranslation(q.state().messageKey()))
                .setHeader(grid.getTranslation("queries.state")).setAutoWidth(true);
        grid.addColumn(q -> q.question(locale)).setHeader(grid.getTranslation("queries.question"))
                .setFlexGrow(2);
        grid.setEmptyStateText(grid.getTranslation("queries.none"));
        grid.setAllRowsVisible(true);
        grid.addClassNames("portal-grid", "participant-queries");
        Runnable refresh = () -> grid.setItems(queries.ofParticipant(record.id()));
        grid.addItemClickListener(e -> new QueryDialog(e.getItem(), queries, words, refresh).open());
        refresh.run();
        return new Section(grid.getTranslation("queries.of-participant"), grid);
    }
}
