package org.researchportal.followup.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Links;
import org.researchportal.followup.MissedQuestionnaireRow;
import org.researchportal.followup.MissedQuestionnaires;

/**
 * The participants whose questionnaires closed unanswered, for the coordinator to call: who (with a number to tap),
 * which timepoint, since when, who calls; each marked handled with what was done, after which it leaves the list.
 */
final class MissedQuestionnaireList extends Composite<Div> {

    private final MissedQuestionnaires missed;
    private final Supplier<List<MissedQuestionnaireRow>> rows;

    MissedQuestionnaireList(MissedQuestionnaires missed, Supplier<List<MissedQuestionnaireRow>> rows) {
        this.missed = missed;
        this.rows = rows;
        fill();
    }

    private void fill() {
        Div holder = getContent();
        holder.removeAll();
        holder.addClassNames("card", "missed-questionnaires");
        holder.add(new H2(getTranslation("questionnaire-missed.title")));
        var grid = new Grid<MissedQuestionnaireRow>();
        var locale = getLocale();
        grid.addColumn(r -> getTranslation("questionnaire-missed.item", r.timepointLabel(locale))).setKey("what")
                .setHeader(getTranslation("questionnaire-missed.what")).setAutoWidth(true);
        grid.addColumn(r -> r.participant().displayName() + " · " + Formats.text(r.participant().studyNumber()))
                .setKey("participant").setHeader(getTranslation("call.participant")).setWidth("11rem")
                .setFlexGrow(2);
        grid.addComponentColumn(r -> r.participant().phone() == null ? new Span(Formats.text(null))
                : new Anchor(Links.tel(r.participant().phone()), r.participant().phone())).setKey("phone")
                .setHeader(getTranslation("participant.phone")).setAutoWidth(true);
        grid.addColumn(r -> CallGrid.callTime(this, r.participant().preferredCallTime()) + " · "
                + getTranslation("language." + r.participant().language())).setHeader(getTranslation(
                        "call.when-to-call")).setWidth("9rem").setFlexGrow(1);
        grid.addColumn(r -> Formats.date(r.closedOn(), locale)).setKey("closed")
                .setHeader(getTranslation("questionnaire-missed.closed")).setAutoWidth(true);
        grid.addColumn(r -> r.mine() ? getTranslation("call.you") : Formats.text(r.coordinatorName()))
                .setHeader(getTranslation("call.coordinator")).setAutoWidth(true);
        grid.addComponentColumn(r -> new Button(getTranslation("questionnaire-missed.handle"), click -> handle(r)))
                .setKey("handle").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(rows.get());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("questionnaire-missed.none"));
        grid.addClassName("missed-questionnaires-grid");
        holder.add(grid);
    }

    private void handle(MissedQuestionnaireRow row) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("questionnaire-missed.item", row.timepointLabel(getLocale())) + " · "
                + row.participant().displayName());
        var note = new TextArea(getTranslation("questionnaire-missed.note"));
        note.setWidthFull();
        note.setMaxLength(1000);
        dialog.add(note);
        var confirm = new Button(getTranslation("questionnaire-missed.handle"), e -> {
            try {
                missed.handle(row.participant().id(), row.timepoint(), note.getValue());
                dialog.close();
                fill();
            } catch (ValidationException refused) {
                FieldErrors.show(this, refused, Map.of("note", note));
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
