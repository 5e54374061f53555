package org.researchportal.followup.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Links;
import org.researchportal.followup.CallRow;
import org.researchportal.followup.Urgency;
import org.researchportal.participants.PreferredCallTime;

/**
 * Calls as a coordinator works through them: how pressing, who (with a number to tap), which call and window, how
 * the attempts went, open concerns, who calls. A row opens the call.
 */
final class CallGrid extends Composite<Grid<CallRow>> {

    CallGrid(List<CallRow> rows) {
        Grid<CallRow> grid = getContent();
        var locale = getLocale();
        grid.addComponentColumn(this::urgency).setKey("urgency").setHeader(getTranslation("call.urgency"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.participant().displayName() + " · " + Formats.text(r.participant().studyNumber()))
                .setKey("participant").setHeader(getTranslation("call.participant")).setWidth("11rem")
                .setFlexGrow(2);
        grid.addColumn(r -> r.participant().armName()).setHeader(getTranslation("participant.arm"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> r.participant().phone() == null ? new Span(Formats.text(null))
                : new Anchor(Links.tel(r.participant().phone()), r.participant().phone())).setKey("phone")
                .setHeader(getTranslation("participant.phone")).setAutoWidth(true);
        grid.addColumn(r -> callTime(this, r.participant().preferredCallTime()) + " · " + getTranslation("language."
                + r.participant().language())).setHeader(getTranslation("call.when-to-call")).setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(r -> getTranslation("call.number-short", r.number(), Formats.shortDate(r.dueOn(), locale)))
                .setKey("due").setHeader(getTranslation("call.due")).setAutoWidth(true);
        grid.addColumn(r -> Formats.shortDate(r.windowFrom(), locale) + " – " + Formats.shortDate(r.windowTo(),
                locale)).setHeader(getTranslation("call.window")).setWidth("7rem").setFlexGrow(1);
        grid.addColumn(r -> getTranslation("call.attempts-short", r.countedAttempts(), r.maxAttempts())
                + (r.lastOutcome() == null ? "" : " · " + getTranslation(r.lastOutcome().messageKey())))
                .setHeader(getTranslation("call.attempts")).setAutoWidth(true);
        grid.addColumn(r -> r.openEscalations() == 0 ? "" : getTranslation("call.open-concerns", r.openEscalations()))
                .setKey("concerns").setHeader(getTranslation("call.concerns")).setAutoWidth(true);
        grid.addColumn(r -> r.mine() ? getTranslation("call.you") : Formats.text(r.coordinatorName()))
                .setHeader(getTranslation("call.coordinator")).setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CallView.class, e.getItem().callId())));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("call.none"));
        grid.addClassName("call-grid");
    }

    private Span urgency(CallRow row) {
        var badge = new Span(getTranslation(row.urgency().messageKey()));
        badge.getElement().getThemeList().add("badge" + (row.urgency() == Urgency.OVERDUE ? " error"
                : row.urgency() == Urgency.DUE_TODAY ? " success" : row.urgency() == Urgency.CLOSED ? " contrast"
                : ""));
        return badge;
    }

    /** A preferred call time in the reader's language; one typed as free text is shown as it was written. */
    static String callTime(Component reader, @Nullable String stored) {
        return PreferredCallTime.of(stored).map(t -> reader.getTranslation(t.messageKey(), t.hours()))
                .orElse(Formats.text(stored));
    }
}
