package org.researchportal.messaging.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.TestMessages;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

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

    private final Outbox outbox;
    private final TestMessages tests;
    private final StudyService studies;
    private @Nullable StudySummary study;

    OutboxView(Outbox outbox, TestMessages tests, StudyService studies) {
        this.outbox = outbox;
        this.tests = tests;
        this.studies = studies;
        addClassName("portal-view");
        show();
    }

    private void show() {
        removeAll();
        add(new ViewToolbar(getTranslation("menu.messages")));
        var intro = new Paragraph(getTranslation("message.intro"));
        intro.addClassName("portal-notice");
        add(intro);
        if (CurrentUser.require().hasRole(PortalRole.TENANT_ADMIN)) {
            add(new Section(getTranslation("message.test-title"), new TestMessageForm(tests, this::show)));
        }
        var studyFilter = new Select<StudySummary>();
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
        add(new Section(getTranslation("message.latest"), filters, new MessageGrid(outbox, outbox.latest(SHOWN,
                study == null ? null : study.id()), this::show)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.messages");
    }
}
