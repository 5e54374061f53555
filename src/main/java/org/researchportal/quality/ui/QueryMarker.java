package org.researchportal.quality.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.researchportal.base.clinical.DataPoint;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.quality.DataQueries;
import org.researchportal.quality.DataQueryRecord;
import org.researchportal.quality.PointWords;

/**
 * The query markers of one field: one per query that stands (icon and state, named for a screen reader), each
 * opening the query; for the monitor, a button to raise one. Redrawn after each step taken in a dialog.
 */
final class QueryMarker extends Composite<Span> {

    private final DataPoint point;
    private final DataQueries queries;
    private final PointWords words;

    QueryMarker(DataPoint point, DataQueries queries, PointWords words) {
        this.point = point;
        this.queries = queries;
        this.words = words;
        getContent().addClassName("query-marks");
        draw();
    }

    private void draw() {
        getContent().removeAll();
        for (DataQueryRecord query : queries.onPoint(point)) {
            if (!query.state().unresolved()) {
                continue;
            }
            var marker = new Button(getTranslation(query.state().messageKey()), VaadinIcon.COMMENT_ELLIPSIS_O
                    .create(), e -> new QueryDialog(query, queries, words, this::draw).open());
            marker.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL,
                    ButtonVariant.LUMO_ERROR);
            marker.addClassName("query-marker");
            marker.getElement().setAttribute("aria-label", getTranslation("query.marker", getTranslation(query
                    .state().messageKey()), query.question(getLocale())));
            getContent().add(marker);
        }
        if (CurrentUser.require().hasRole(PortalRole.MONITOR)) {
            var raise = new Button(VaadinIcon.COMMENT_O.create(), e -> new RaiseQueryDialog(point, null, queries,
                    words, this::draw).open());
            raise.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            raise.addClassName("query-raise");
            String label = getTranslation("query.raise-on", words.item(point, getLocale()));
            raise.getElement().setAttribute("aria-label", label);
            raise.setTooltipText(label);
            getContent().add(raise);
        }
    }
}
