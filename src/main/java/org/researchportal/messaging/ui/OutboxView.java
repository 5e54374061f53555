package org.researchportal.messaging.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.identity.AccountService;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.messaging.StudyNames;
import org.researchportal.messaging.StudyNames.StudyName;
import org.researchportal.messaging.TestMessages;

/**
 * The institution's outbox: every message the portal planned or sent, newest first, with its state and text. In
 * the embedded default this is where a new user sees messaging work (email goes to the embedded SMTP server, SMS is
 * captured); an administrator can send a test message through the whole pipeline.
 */
@Route("messages")
@Menu(order = 75, icon = "ENVELOPE", title = "menu.messages")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.COORDINATOR})
final class OutboxView extends Main implements HasDynamicTitle {

    private static final int SHOWN = 200;
    private static final int POLL_MILLIS = 2000;
    private static final Duration FOLLOW_FOR = Duration.ofMinutes(3);

    private final Outbox outbox;
    private final TestMessages tests;
    private final StudyNames studies;
    private final AccountService accounts;
    private @Nullable StudyName study;
    /** The test message just sent, followed on screen until it is sent or has failed. */
    private @Nullable Registration following;

    OutboxView(Outbox outbox, TestMessages tests, StudyNames studies, AccountService accounts) {
        this.outbox = outbox;
        this.tests = tests;
        this.studies = studies;
        this.accounts = accounts;
        addClassName("portal-view");
        addDetachListener(detached -> stopFollowing());
        show();
    }

    private void show() {
        removeAll();
        add(new ViewToolbar(getTranslation("menu.messages")));
        var intro = new Paragraph(getTranslation("message.intro"));
        intro.addClassName("portal-notice");
        add(intro);
        if (CurrentUser.require().hasRole(PortalRole.TENANT_ADMIN)) {
            add(new Section(getTranslation("message.test-title"), new TestMessageForm(tests, this::follow)));
        }
        var studyFilter = new Select<StudyName>();
        studyFilter.setLabel(getTranslation("message.study"));
        studyFilter.setEmptySelectionAllowed(true);
        studyFilter.setEmptySelectionCaption(getTranslation("message.all-studies"));
        studyFilter.setItems(studies.studies());
        studyFilter.setItemLabelGenerator(s -> s == null ? getTranslation("message.all-studies") : s.acronym());
        studyFilter.setValue(study);
        studyFilter.addValueChangeListener(e -> {
            study = e.getValue();
            show();
        });
        var refresh = new Button(getTranslation("message.refresh"), e -> show());
        var filters = new HorizontalLayout(studyFilter, refresh);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Section(getTranslation("message.latest"), filters, new MessageGrid(outbox, accounts, outbox.latest(
                SHOWN,
                study == null ? null : study.id()), this::show)));
    }

    /**
     * Follows a test message until the dispatcher has sent it or given up, refreshing the list as it goes, so the
     * administrator sees the outcome (and a failure's reason) without reloading; the dispatcher runs every few seconds.
     */
    private void follow(OutboxMessage sent) {
        show();
        stopFollowing();
        UI ui = UI.getCurrent();
        Instant giveUp = Instant.now().plus(FOLLOW_FOR);
        ui.setPollInterval(POLL_MILLIS);
        following = ui.addPollListener(poll -> {
            Optional<OutboxMessage> now = outbox.latest(SHOWN, null).stream()
                    .filter(m -> m.requireId().equals(sent.requireId())).findFirst();
            boolean settled = now.map(m -> m.getStatus() != OutboxMessage.Status.PENDING
                    && m.getStatus() != OutboxMessage.Status.SENDING).orElse(true);
            if (settled || Instant.now().isAfter(giveUp)) {
                stopFollowing();
                show();
                now.filter(m -> settled).ifPresent(this::tellOutcome);
            }
        });
    }

    private void tellOutcome(OutboxMessage message) {
        boolean failed = message.getStatus() == OutboxMessage.Status.FAILED;
        Notification.show(failed ? getTranslation("message.test-failed", message.getFailureReason())
                : getTranslation("message.test-outcome", getTranslation(message.getStatus().messageKey())), 8000,
                Notification.Position.BOTTOM_START).addThemeVariants(failed ? NotificationVariant.LUMO_ERROR
                        : NotificationVariant.LUMO_SUCCESS);
    }

    private void stopFollowing() {
        if (following != null) {
            following.remove();
            following = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.messages");
    }
}
