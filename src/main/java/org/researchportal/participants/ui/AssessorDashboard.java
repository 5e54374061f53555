package org.researchportal.participants.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.NoStudyNotice;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.StudyChooser;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.EnrolmentCounts;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * The blinded assessor's dashboard: participants by status and the participants to assess. It shows no arm anywhere;
 * the service hands it types that cannot carry one.
 */
@Route("assessor")
@Menu(order = 20, icon = "CLIPBOARD_CHECK", title = "menu.assessor")
@RolesAllowed(Roles.ASSESSOR)
final class AssessorDashboard extends Main implements HasDynamicTitle {

    private final BlindedParticipants participants;
    private final EnrolmentCounts counts;
    private final Div body = new Div();

    AssessorDashboard(BlindedParticipants participants, EnrolmentCounts counts, StudyService studies) {
        this.participants = participants;
        this.counts = counts;
        addClassName("portal-view");
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("menu.assessor"), chooser), body);
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void show(StudySummary study) {
        var grid = new Grid<BlindedParticipantRow>();
        grid.addColumn(r -> Formats.text(r.studyNumber())).setHeader(getTranslation("participant.study-number"))
                .setAutoWidth(true);
        grid.addColumn(BlindedParticipantRow::displayName).setHeader(getTranslation("participant.name"))
                .setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("participant.status"));
        grid.addColumn(r -> Formats.date(r.enrolledOn(), getLocale()))
                .setHeader(getTranslation("participant.enrolled-on"));
        grid.setItems(query -> participants.blindedParticipants(study.id(), toSpringPageRequest(query)).stream());
        grid.addClassName("portal-grid");
        var blinding = new Paragraph(getTranslation("assessor.blinded-note"));
        blinding.addClassName("portal-notice");
        body.removeAll();
        body.add(new Section(study.acronym() + " · " + study.title(), blinding,
                new StatusCounts(counts.statusCounts(study.id()))),
                new Section(getTranslation("assessor.participants"), grid));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.assessor");
    }
}
