package org.researchportal.messaging.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Objects;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.AccountService;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;

/**
 * Messages as coordinators follow them: when, what kind, to whom, how it went (each attempt's outcome, the reason
 * of a failure), and the text itself. A pending message can be cancelled and a failed one sent again, with a reason.
 */
final class MessageGrid extends Composite<Grid<OutboxMessage>> {

    MessageGrid(Outbox outbox, AccountService accounts, List<OutboxMessage> messages, Runnable reload) {
        this(outbox, accounts, messages, reload, true);
    }

    /** Without links to each participant's own log: for the page that already is one. */
    MessageGrid(Outbox outbox, AccountService accounts, List<OutboxMessage> messages, Runnable reload,
            boolean showParticipantLinks) {
        Grid<OutboxMessage> grid = getContent();
        var zone = CurrentUser.require().zone();
        grid.addColumn(m -> Formats.dateTime(m.getDueAt(), zone, getLocale())).setHeader(getTranslation(
                "message.due")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation(m.getPurpose().messageKey()) + " · "
                + getTranslation(m.getChannel().messageKey()))
                .setHeader(getTranslation("message.kind")).setFlexGrow(1);
        grid.addColumn(OutboxMessage::getRecipient).setHeader(getTranslation("message.recipient")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation(m.getStatus().messageKey()) + (m.getAttempts().isEmpty() ? ""
                : " · " + getTranslation("message.attempts", m.getAttempts().size()))
                + (m.getFailureReason() == null ? "" : " · " + m.getFailureReason()))
                .setHeader(getTranslation("message.status")).setFlexGrow(2);
        grid.addColumn(m -> (m.getSubject() == null ? "" : m.getSubject() + " — ") + m.getBody())
                .setHeader(getTranslation("message.text")).setWidth("16rem").setFlexGrow(3);
        boolean coordinator = CurrentUser.require().hasRole(PortalRole.COORDINATOR);
        grid.addComponentColumn(m -> actions(outbox, m, reload, coordinator && showParticipantLinks))
                .setKey("actions").setAutoWidth(true);
        // Opening a row shows what happened to the message, step by step.
        // Who cancelled a message is named once for the whole list.
        var people = accounts.names(messages.stream().map(OutboxMessage::getChangedBy).filter(Objects::nonNull)
                .toList());
        grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> new MessageTimeline(m, people)));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(messages);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("message.none"));
    }

    private Div actions(Outbox outbox, OutboxMessage m, Runnable reload, boolean participantLink) {
        var actions = new Div();
        if (participantLink && m.getParticipantId() != null) {
            actions.add(new RouterLink(getTranslation("message.participant-log"), MessageLogView.class,
                    m.getParticipantId()));
        }
        if (m.getStatus() == OutboxMessage.Status.PENDING) {
            var cancel = new Button(getTranslation("message.cancel"), e -> new ReasonDialog(
                    getTranslation("message.cancel"), reason -> {
                        outbox.cancel(m.requireId(), reason);
                        reload.run();
                    }).open());
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        if (m.getStatus() == OutboxMessage.Status.FAILED) {
            var resend = new Button(getTranslation("message.resend"), e -> new ReasonDialog(
                    getTranslation("message.resend"), reason -> {
                        outbox.resend(m.requireId(), reason);
                        reload.run();
                    }).open());
            resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(resend);
        }
        return actions;
    }
}
