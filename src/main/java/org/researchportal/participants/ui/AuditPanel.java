package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditEvent;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.PeopleNames;

/**
 * The participant's audit trail, newest first: who changed what and when, each changed field with its value before
 * and after, and the reason given; a row opens the whole change. Read only: nothing in the portal edits or deletes an
 * audit record.
 */
final class AuditPanel extends Composite<Div> {

    private static final int SUMMARY_MAX = 160;

    AuditPanel(List<AuditEvent> trail, Map<String, String> studyTerms, PeopleNames people) {
        Div content = getContent();
        content.addClassNames("card", "audit-panel");
        content.add(new H2(getTranslation("audit.title")));
        var wording = new AuditWording(this, getLocale(), CurrentUser.require().zone(), studyTerms, people);
        var grid = new Grid<AuditEvent>();
        grid.addColumn(e -> Formats.dateTime(e.getAt(), CurrentUser.require().zone(), getLocale()))
                .setHeader(getTranslation("audit.when")).setAutoWidth(true);
        // Sentences and changes wrap rather than being cut; the whole change opens in a dialog.
        grid.addColumn(wording::what).setHeader(getTranslation("audit.what")).setWidth("16rem").setFlexGrow(1);
        grid.addColumn(e -> summary(wording, e)).setHeader(getTranslation("audit.changes")).setWidth("20rem")
                .setFlexGrow(2);
        grid.addColumn(e -> Formats.text(e.getReason())).setHeader(getTranslation("audit.reason")).setWidth("10rem")
                .setFlexGrow(1);
        grid.addThemeName("wrap-cell-content");
        grid.setItems(trail);
        grid.addClassName("audit-grid");
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> new ChangeDialog(wording, click.getItem()).open());
        content.add(new Paragraph(getTranslation("audit.open-hint")), grid);
    }

    /** Adds the usernames the entries name: who made each, and who did what inside a snapshot ("takenBy"). */
    static void collectPeople(List<AuditEvent> trail, Set<String> usernames) {
        for (AuditEvent event : trail) {
            usernames.add(event.getActor());
            collectPeople(event.getBefore(), usernames);
            collectPeople(event.getAfter(), usernames);
        }
    }

    private static void collectPeople(@Nullable Object value, Set<String> usernames) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (AuditWording.isPerson(String.valueOf(k)) && v instanceof String username) {
                    usernames.add(username);
                } else {
                    collectPeople(v, usernames);
                }
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> collectPeople(v, usernames));
        }
    }

    private static String summary(AuditWording wording, AuditEvent event) {
        String text = String.join("; ", wording.changes(event.getBefore(), event.getAfter()).stream()
                .map(c -> c.label() + ": " + c.before() + " → " + c.after()).toList());
        return text.length() > SUMMARY_MAX ? text.substring(0, SUMMARY_MAX) + "…" : text;
    }

    /** One change in full: every changed field with its whole value before and after. */
    static final class ChangeDialog extends Dialog {

        ChangeDialog(AuditWording wording, AuditEvent event) {
            setHeaderTitle(wording.what(event));
            addClassName("audit-change-dialog");
            add(new Paragraph(Formats.dateTime(event.getAt(), CurrentUser.require().zone(), getLocale())));
            if (event.getReason() != null) {
                add(new Paragraph(getTranslation("audit.change.reason", event.getReason())));
            }
            var changes = new Grid<AuditWording.Change>();
            changes.addColumn(AuditWording.Change::label).setHeader(getTranslation("audit.change.field"))
                    .setAutoWidth(true);
            changes.addColumn(AuditWording.Change::before).setHeader(getTranslation("audit.change.before"))
                    .setFlexGrow(1);
            changes.addColumn(AuditWording.Change::after).setHeader(getTranslation("audit.change.after"))
                    .setFlexGrow(1);
            changes.setItems(wording.changes(event.getBefore(), event.getAfter()));
            changes.setAllRowsVisible(true);
            changes.addClassName("audit-change-grid");
            // Long values wrap instead of being cut.
            changes.addThemeName("wrap-cell-content");
            add(changes);
            setWidth("min(56rem, 95vw)");
            getFooter().add(new Button(getTranslation("action.close"), e -> close()));
        }
    }
}
