package org.researchportal.participants.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import org.researchportal.base.security.Roles;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.participants.ClinicianDashboardSection;
import org.researchportal.participants.EnrolmentCounts;
import org.researchportal.participants.ParticipantRow;
import org.researchportal.participants.ParticipantService;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/** The clinician's dashboard: enrolment against target, participants by status and arm, and the participant list. */
@ShowsArms
@Route("clinician")
@Menu(order = 10, icon = "DOCTOR", title = "menu.clinician")
@RolesAllowed(Roles.CLINICIAN)
final class ClinicianDashboard extends Main implements HasDynamicTitle {

    private final ParticipantService participants;
    private final EnrolmentCounts counts;
    private final Div body = new Div();
    private final List<ClinicianDashboardSection> sections;

    ClinicianDashboard(ParticipantService participants, EnrolmentCounts counts, StudyService studies,
            List<ClinicianDashboardSection> sections) {
        this.participants = participants;
        this.counts = counts;
        this.sections = sections;
        addClassName("portal-view");
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("menu.clinician"), chooser), body);
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void show(StudySummary study) {
        var progress = counts.progress(study.id());
        var grid = new Grid<ParticipantRow>();
        grid.addColumn(ParticipantRow::screeningNumber).setHeader(getTranslation("participant.screening-number"))
                .setAutoWidth(true);
        grid.addColumn(r -> Formats.text(r.studyNumber())).setHeader(getTranslation("participant.study-number"))
                .setAutoWidth(true);
        grid.addColumn(ParticipantRow::displayName).setHeader(getTranslation("participant.name")).setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("participant.status"));
        grid.addColumn(r -> Formats.text(r.armName())).setHeader(getTranslation("participant.arm"));
        grid.addColumn(r -> Formats.date(r.enrolledOn(), getLocale()))
                .setHeader(getTranslation("participant.enrolled-on"));
        // Filtered by the database, page by page: the grid stays lazy whatever is searched.
        var filters = new ParticipantFilterBar(study, () -> grid.getDataProvider().refreshAll());
        grid.setItems(query -> participants.findParticipants(study.id(), filters.filter(),
                toSpringPageRequest(query)).stream());
        grid.setEmptyStateText(getTranslation("participant.filter.none"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ParticipantRecordView.class,
                e.getItem().id())));
        grid.addClassNames("portal-grid", "participant-list");
        body.removeAll();
        body.add(new Section(study.acronym() + " · " + study.title(), new EnrolmentProgress(progress),
                new StatusCounts(progress.byStatus())));
        sections.stream().sorted(Comparator.comparingInt(ClinicianDashboardSection::order))
                .forEach(s -> body.add(s.section(study)));
        body.add(new Section(getTranslation("dashboard.participants"), filters, grid));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.clinician");
    }
}
