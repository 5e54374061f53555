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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Formats;
import org.researchportal.followup.Escalation;
import org.researchportal.followup.Escalations;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.CallParticipants;
import org.researchportal.study.StudySummary;

/**
 * What follow-up calls escalated (concerns, wrong numbers), oldest first, until a clinician marks each handled with
 * what they did.
 */
final class EscalationList extends Composite<Div> {

    private final Escalations escalations;
    private final CallParticipants participants;
    private final AccountService accounts;
    private final StudySummary study;

    EscalationList(Escalations escalations, CallParticipants participants, AccountService accounts,
            StudySummary study) {
        this.escalations = escalations;
        this.participants = participants;
        this.accounts = accounts;
        this.study = study;
        fill();
    }

    private void fill() {
        Div holder = getContent();
        holder.removeAll();
        holder.addClassName("card");
        List<Escalation> open = escalations.open(study.id());
        if (open.isEmpty()) {
            // No grid for nothing: a grid's columns and renderers weigh on every session of the dashboard.
            holder.add(new H2(getTranslation("escalation.title")), new Paragraph(getTranslation("escalation.none")));
            return;
        }
        var grid = new Grid<Escalation>();
        var zone = CurrentUser.require().zone();
        grid.addColumn(e -> Formats.dateTime(e.getRaisedAt(), zone, getLocale()))
                .setHeader(getTranslation("escalation.raised")).setAutoWidth(true);
        // A path, not a class: the participant record is the participants module's screen.
        // Each participant looked up once for the list, not once per row drawn.
        Map<String, String> names = new HashMap<>();
        open.forEach(e -> names.computeIfAbsent(e.getParticipantId(), id -> participants.callParticipant(id)
                .map(p -> p.displayName() + " · " + Formats.text(p.studyNumber())).orElse("–")));
        grid.addComponentColumn(e -> new Anchor("participants/" + e.getParticipantId(), names.get(
                e.getParticipantId()))).setKey("participant")
                .setHeader(getTranslation("call.participant")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.getKind().messageKey())).setKey("kind")
                .setHeader(getTranslation("escalation.kind")).setAutoWidth(true);
        grid.addColumn(Escalation::getDetail).setKey("detail").setHeader(getTranslation("escalation.detail"))
                .setWidth("16rem").setFlexGrow(3);
        var people = accounts.names(open.stream().map(Escalation::getRaisedBy).toList());
        grid.addColumn(e -> people.shown(e.getRaisedBy(), getLocale()))
                .setHeader(getTranslation("escalation.raised-by")).setAutoWidth(true);
        grid.addComponentColumn(e -> new Button(getTranslation("escalation.handle"), click -> handle(e)))
                .setKey("handle").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(open);
        grid.setAllRowsVisible(true);
        holder.add(new H2(getTranslation("escalation.title")), grid);
    }

    private void handle(Escalation escalation) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("escalation.handle"));
        var note = new TextArea(getTranslation("escalation.note"));
        note.setWidthFull();
        note.setMaxLength(1000);
        dialog.add(note);
        var confirm = new Button(getTranslation("escalation.handle"), e -> {
            try {
                escalations.handle(escalation.requireId(), note.getValue());
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
