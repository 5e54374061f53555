package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.quality.DatabaseLockBlocked;
import org.researchportal.quality.LockBlocker;
import org.researchportal.quality.StudyLifeRecord;
import org.researchportal.quality.StudyLifecycle;
import org.researchportal.quality.StudyStage;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The study's database lock: what blocks it, each in words (naming the participant where it is about one); the
 * monitor locks with a reason once nothing does, the tenant administrator unlocks with a reason or archives.
 */
@Route("database-lock")
@Menu(order = 69, icon = "LOCK", title = "menu.database-lock")
@RolesAllowed({Roles.MONITOR, Roles.TENANT_ADMIN})
final class DatabaseLockView extends Main implements HasDynamicTitle {

    /** The monitor's page of one participant's data, where a blocker about them is seen to. */
    static final String PARTICIPANT_ROUTE = "monitor/participant/";

    private final StudyLifecycle lifecycle;
    private final Div body = new Div();

    DatabaseLockView(StudyLifecycle lifecycle, StudyService studies) {
        this.lifecycle = lifecycle;
        addClassName("portal-view");
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("menu.database-lock"), chooser), body);
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void show(StudySummary study) {
        body.removeAll();
        StudyLifeRecord life = lifecycle.life(study.id());
        var stage = new Paragraph(getTranslation("study-life.current", getTranslation(life.stage().messageKey())));
        stage.addClassName("study-stage");
        body.add(new Section(study.acronym() + " · " + study.title(), stage, new Paragraph(getTranslation(
                "database-lock.explain"))));
        var reason = new TextField(getTranslation("study-life.reason"));
        reason.setMaxLength(StudyLifecycle.REASON_MAX_LENGTH);
        reason.setWidthFull();
        var actions = new HorizontalLayout();
        boolean monitor = CurrentUser.require().hasRole(PortalRole.MONITOR);
        boolean admin = CurrentUser.require().hasRole(PortalRole.TENANT_ADMIN);
        if (life.stage().open()) {
            List<LockBlocker> blockers = lifecycle.blockers(study.id());
            body.add(new Section(getTranslation("database-lock.blockers"), blockers(blockers)));
            if (monitor) {
                var lock = new Button(getTranslation("database-lock.lock"), e -> act(study, reason,
                        () -> lifecycle.lock(study.id(), reason.getValue()), "database-lock.locked"));
                lock.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                lock.setEnabled(blockers.isEmpty());
                actions.add(lock);
            }
        } else {
            body.add(new Paragraph(getTranslation("study.locked")));
            if (admin && life.stage() == StudyStage.LOCKED) {
                actions.add(new Button(getTranslation("database-lock.unlock"), e -> act(study, reason,
                        () -> lifecycle.unlock(study.id(), reason.getValue()), "database-lock.unlocked")));
                actions.add(new Button(getTranslation("database-lock.archive"), e -> act(study, reason,
                        () -> lifecycle.archive(study.id()), "database-lock.archived")));
            }
        }
        if (actions.getComponentCount() > 0) {
            body.add(reason, actions);
        }
    }

    private Component blockers(List<LockBlocker> blockers) {
        if (blockers.isEmpty()) {
            return new Paragraph(getTranslation("database-lock.no-blockers"));
        }
        var list = new UnorderedList();
        list.addClassName("lock-blockers");
        for (LockBlocker blocker : blockers) {
            String words = getTranslation(blocker.messageKey(), blocker.arguments().toArray());
            String participant = blocker.participantId();
            boolean linkable = participant != null && RouteConfiguration.forApplicationScope().getRoute(
                    PARTICIPANT_ROUTE + participant).isPresent();
            list.add(linkable ? new ListItem(new Anchor(PARTICIPANT_ROUTE + participant, words))
                    : new ListItem(words));
        }
        return list;
    }

    private void act(StudySummary study, TextField reason, Supplier<StudyLifeRecord> move, String doneKey) {
        try {
            move.get();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(study);
        } catch (DatabaseLockBlocked blocked) {
            show(study);
            Notification.show(getTranslation(blocked.fieldMessageKeys().get(DatabaseLockBlocked.FIELD), blocked
                    .arguments(DatabaseLockBlocked.FIELD)), 6000, Notification.Position.MIDDLE).addThemeVariants(
                            NotificationVariant.LUMO_ERROR);
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, Map.of("reason", reason));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.database-lock");
    }
}
