package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditEvent;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;

/**
 * The participant's audit trail, newest first: who changed what and when, each changed field with its value before
 * and after, and the reason given. Read only: nothing in the portal edits or deletes an audit record.
 */
final class AuditPanel extends Composite<Div> {

    private static final int VALUE_MAX = 80;
    private static final Set<String> BOOKKEEPING = Set.of("_id", "_class", "tenantId", "version");

    AuditPanel(List<AuditEvent> trail) {
        Div content = getContent();
        content.addClassNames("card", "audit-panel");
        content.add(new H2(getTranslation("audit.title")));
        var grid = new Grid<AuditEvent>();
        grid.addColumn(e -> Formats.dateTime(e.getAt(), CurrentUser.require().zone(), getLocale()))
                .setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getActor).setHeader(getTranslation("audit.who")).setAutoWidth(true);
        grid.addColumn(AuditEvent::getAction).setHeader(getTranslation("audit.what")).setAutoWidth(true);
        grid.addColumn(e -> String.join("; ", changes(e.getBefore(), e.getAfter())))
                .setHeader(getTranslation("audit.changes")).setFlexGrow(1);
        grid.addColumn(e -> Formats.text(e.getReason())).setHeader(getTranslation("audit.reason")).setAutoWidth(true);
        grid.setItems(trail);
        grid.addClassName("audit-grid");
        grid.setAllRowsVisible(true);
        content.add(grid);
    }

    /**
     * Each top-level field whose value differs, as "field: before → after". The record's own bookkeeping (its id,
     * tenant, version) and references to other records by id say nothing to a person and are left out; the action
     * names what happened to them.
     */
    static List<String> changes(@Nullable Map<String, Object> before, @Nullable Map<String, Object> after) {
        Set<String> fields = new LinkedHashSet<>();
        if (before != null) {
            fields.addAll(before.keySet());
        }
        if (after != null) {
            fields.addAll(after.keySet());
        }
        List<String> changes = new ArrayList<>();
        for (String field : fields) {
            if (BOOKKEEPING.contains(field) || field.endsWith("Id")) {
                continue;
            }
            Object was = before == null ? null : before.get(field);
            Object is = after == null ? null : after.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(field + ": " + shown(was) + " → " + shown(is));
            }
        }
        return changes;
    }

    private static String shown(@Nullable Object value) {
        String text = value == null ? "–" : value instanceof Date date ? day(date.toInstant()) : String.valueOf(value);
        return text.length() > VALUE_MAX ? text.substring(0, VALUE_MAX) + "…" : text;
    }

    /** A stored day (midnight UTC) as the day; any other moment as it is, in ISO form. */
    private static String day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)
                ? instant.atZone(ZoneOffset.UTC).toLocalDate().toString() : instant.toString();
    }
}
