package org.researchportal.assessments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentDesigner;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.assessments.StandardInstruments;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.EditableRows;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.UnsavedChanges;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The tenant administrator sets the schedule of assessments: the timepoints the assessor's worklist is made from,
 * each with its window and the tenant's instruments recorded at it. Audited by the study service.
 */
@Route("admin/schedule")
@Menu(order = 65, icon = "CALENDAR", title = "menu.schedule")
@RolesAllowed(Roles.TENANT_ADMIN)
final class ScheduleView extends Main implements BeforeLeaveObserver, HasDynamicTitle {

    private final StudyService studies;
    private final InstrumentLibrary library;
    private final InstrumentDesigner designer;
    private List<Instrument> instruments;
    private final EditableRows<TimepointRow> timepoints;

    private final UnsavedChanges changes = new UnsavedChanges(this);
    private final UnsavedChanges.Form form = changes.form();

    ScheduleView(StudyService studies, InstrumentLibrary library, InstrumentDesigner designer) {
        this.studies = studies;
        this.library = library;
        this.designer = designer;
        this.instruments = library.instruments();
        this.timepoints = new EditableRows<>(getTranslation("schedule.timepoint.add"),
                () -> new TimepointRow(null, instruments));
        addClassName("portal-view");
        show();
    }

    private void show() {
        removeAll();
        add(new ViewToolbar(getTranslation("menu.schedule")));
        studies.studies().stream().findFirst().ifPresentOrElse(this::edit,
                () -> add(new Paragraph(getTranslation("study.create-first"))));
    }

    private void edit(StudySummary study) {
        timepoints.setRows(studies.schedule(study.id()).stream().map(t -> new TimepointRow(t, instruments)).toList());
        form.watchAll(timepoints);
        timepoints.onRowAdded(form::watchAll);
        var save = new Button(getTranslation("action.save"), e -> save(study.id()));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph(getTranslation(instruments.isEmpty() ? "schedule.no-instruments" : "schedule.intro")));
        if (!instruments.stream().map(Instrument::code).toList().containsAll(
                StandardInstruments.all().stream().map(Instrument::code).toList())) {
            add(new Button(getTranslation("schedule.add-standard"), e -> addStandardInstruments()));
        }
        add(new Section(getTranslation("schedule.timepoints"), timepoints), save);
    }

    /** For an institution created before new ones were given the standard instruments. */
    private void addStandardInstruments() {
        int added = designer.defineStandardInstruments();
        instruments = library.instruments();
        form.saved();
        Notification.show(getTranslation("schedule.standard-added", added))
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        show();
    }

    private void save(String studyId) {
        try {
            studies.configureSchedule(studyId, timepoints.rows().stream().map(r -> r.timepoint(instruments)).toList());
            timepoints.setInvalid(false);
            form.saved();
            Notification.show(getTranslation("schedule.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException refusal) {
            FieldErrors.show(this, refusal, Map.of("schedule", timepoints));
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        changes.beforeLeave(event);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.schedule");
    }
}
