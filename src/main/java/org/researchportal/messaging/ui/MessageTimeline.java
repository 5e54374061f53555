package org.researchportal.messaging.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;
import org.researchportal.identity.PeopleNames;
import org.researchportal.messaging.OutboxMessage;

/**
 * What happened to one message, in order: planned, due, each attempt with the provider's answer, the delivery
 * report, and a cancellation with who and why. Shown when a row of the message log is opened.
 */
final class MessageTimeline extends Composite<UnorderedList> {

    MessageTimeline(OutboxMessage message, PeopleNames people) {
        ZoneId zone = CurrentUser.require().zone();
        Locale locale = getLocale();
        UnorderedList list = getContent();
        list.addClassName("message-timeline");
        add(list, message.getCreatedAt(), zone, locale, getTranslation("message.timeline.planned"));
        add(list, message.getDueAt(), zone, locale, getTranslation("message.timeline.due"));
        for (OutboxMessage.Attempt attempt : message.getAttempts()) {
            String outcome = getTranslation("message.attempt." + attempt.outcome().name().toLowerCase(Locale.ROOT));
            String detail = (attempt.code() == null ? "" : " · " + attempt.code())
                    + (attempt.detail() == null ? "" : " · " + attempt.detail());
            add(list, attempt.at(), zone, locale, outcome + detail);
        }
        if (message.getDeliveryReportedAt() != null) {
            add(list, message.getDeliveryReportedAt(), zone, locale, getTranslation(
                    message.getStatus() == OutboxMessage.Status.DELIVERED ? "message.timeline.delivered"
                            : "message.timeline.not-delivered"));
        }
        if (message.getStatus() == OutboxMessage.Status.CANCELLED) {
            String reason = Formats.text(message.getFailureReason());
            list.add(new ListItem(message.getChangedBy() == null
                    ? getTranslation("message.timeline.cancelled", reason)
                    : getTranslation("message.timeline.cancelled-by",
                            people.shown(message.getChangedBy(), locale), reason)));
        }
    }

    private static void add(UnorderedList list, Instant at, ZoneId zone, Locale locale, String what) {
        list.add(new ListItem(Formats.dateTime(at, zone, locale) + " — " + what));
    }
}
