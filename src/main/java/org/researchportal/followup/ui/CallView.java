package org.researchportal.followup.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Links;
import org.researchportal.base.ui.MissingParameter;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.UnsavedChanges;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.followup.CallContext;
import org.researchportal.followup.CallRecords;
import org.researchportal.followup.CallRow;
import org.researchportal.followup.CallStatus;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.FollowUpCall;
import org.researchportal.identity.AccountService;

/**
 * One call: who to ring and when they like to be called, the last call and open concerns, the script's opening in
 * the participant's language, and the form for this attempt. A closed call shows what it found.
 */
@Route("call")
@RolesAllowed(Roles.COORDINATOR)
final class CallView extends Main implements HasUrlParameter<String>, BeforeLeaveObserver, HasDynamicTitle {

    private final CallWorklist worklist;
    private final CallRecords records;
    private final AccountService accounts;
    private final FormMarkings markings;
    private final UnsavedChanges changes = new UnsavedChanges(this);
    private String title = "";

    CallView(CallWorklist worklist, CallRecords records, AccountService accounts, FormMarkings markings) {
        this.markings = markings;
        this.worklist = worklist;
        this.records = records;
        this.accounts = accounts;
        addClassName("portal-view");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String callId) {
        if (MissingParameter.forwardedHome(event, callId)) {
            return;
        }
        try {
            show(worklist.context(callId));
        } catch (org.researchportal.base.NotFoundException notInThisTenant) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(CallContext context) {
        removeAll();
        // Built afresh from what is stored (also after a save): nothing on it is unsaved yet.
        changes.reset();
        CallRow row = context.row();
        var participant = row.participant();
        ZoneId zone = ZoneId.of(participant.timeZone());
        var people = accounts.names(CallSummary.callers(Stream.concat(Stream.of(context.call()),
                context.earlierCalls().stream()).toList()));
        title = getTranslation("call.title", row.number(), participant.displayName());
        var back = new RouterLink(getTranslation("call.back-to-worklist"), CallWorklistView.class);
        add(new ViewToolbar(title), back);

        var facts = new UnorderedList();
        facts.addClassName("call-facts");
        if (participant.phone() != null) {
            var phone = new Anchor(Links.tel(participant.phone()), getTranslation("call.dial", participant.phone()));
            phone.addClassName("big-link");
            facts.add(new ListItem(phone));
        }
        facts.add(new ListItem(getTranslation("call.fact.who", Formats.text(participant.studyNumber()),
                participant.studyAcronym(), participant.armName())));
        facts.add(new ListItem(getTranslation("call.fact.language", getTranslation("language."
                + participant.language()), CallGrid.callTime(this, participant.preferredCallTime()), zone.getId())));
        facts.add(new ListItem(getTranslation("call.number-due", row.number(), Formats.date(row.dueOn(),
                getLocale()), Formats.date(row.windowFrom(), getLocale()), Formats.date(row.windowTo(), getLocale()))
                + " · " + getTranslation(row.urgency().messageKey())));
        facts.add(new ListItem(getTranslation("call.attempts-of", row.countedAttempts(), row.maxAttempts())
                + (row.nextTryAfter() == null ? "" : " · " + getTranslation("call.next-try",
                        Formats.dateTime(row.nextTryAfter(), zone, getLocale())))));
        add(new Section(getTranslation("call.context"), facts));

        if (!context.openEscalations().isEmpty()) {
            var concerns = new UnorderedList();
            context.openEscalations().forEach(e -> concerns.add(new ListItem(Formats.date(e.getRaisedAt()
                    .atZone(zone).toLocalDate(), getLocale()) + " · " + getTranslation(e.getKind().messageKey())
                    + " · " + e.getDetail())));
            concerns.addClassName("call-concerns");
            add(new Section(getTranslation("call.open-concerns-title"), concerns));
        }
        context.earlierCalls().stream().filter(c -> c.getStatus() != CallStatus.OPEN).findFirst()
                .ifPresent(last -> add(new Section(getTranslation("call.last-call", last.getNumber(),
                        getTranslation(last.getStatus().messageKey())), new CallSummary(last, zone, people,
                                markings))));

        FollowUpCall call = context.call();
        if (call.getStatus() == CallStatus.OPEN) {
            var opening = new Paragraph(context.script().opening(PortalLocales.fromTag(participant.language())));
            opening.addClassName("portal-notice");
            var form = new CallForm(context, records, () -> {
                Notification.show(getTranslation("call.saved"), 4000, Notification.Position.BOTTOM_START);
                show(worklist.context(call.requireId()));
            });
            changes.formOf(form);
            add(new Section(getTranslation("call.script"), opening, form));
        } else {
            add(new Section(getTranslation("call.closed-title", getTranslation(call.getStatus().messageKey())),
                    new CallSummary(call, zone, people, markings)));
        }
        if (call.getStatus() == CallStatus.OPEN && !call.getAttempts().isEmpty()) {
            add(new Section(getTranslation("call.attempts-so-far"), new CallSummary(call, zone, people)));
        }
        add(new Div());
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        changes.beforeLeave(event);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
