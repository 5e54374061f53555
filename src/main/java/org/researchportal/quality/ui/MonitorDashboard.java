package org.researchportal.quality.ui;

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
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;

/**
 * Where the monitor lands: the study's participants, each opening their data form by form. Blinded: the service hands
 * it rows that cannot carry an arm.
 */
@Route("monitor")
@Menu(order = 25, icon = "CLIPBOARD_TEXT", title = "menu.monitor")
@RolesAllowed(Roles.MONITOR)
final class MonitorDashboard extends Main implements HasDynamicTitle {

    private final BlindedParticipants participants;
    private final Div body = new Div();

    MonitorDashboard(BlindedParticipants participants, StudyService studies) {
        this.participants = participants;
        addClassName("portal-view");
        var chooser = new StudyChooser<>(studies.studies(), StudySummary::acronym, this::show);
        add(new ViewToolbar(getTranslation("menu.monitor"), chooser), body);
        chooser.first().ifPresentOrElse(chooser::choose, () -> body.add(new NoStudyNotice()));
    }

    private void show(StudySummary study) {
        var grid = new Grid<BlindedParticipantRow>();
        grid.addColumn(r -> Formats.text(r.studyNumber())).setHeader(getTranslation("participant.study-number"))
                .setAutoWidth(true);
        grid.addColumn(BlindedParticipantRow::displayName).setHeader(getTranslation("participant.name"))
                .setFlexGrow(1);
        grid.addColumn(r -> getTranslation(r.status().messageKey())).setHeader(getTranslation("participant.status"));
        grid.setItems(query -> participants.blindedParticipants(study.id(), toSpringPageRequest(query)).stream());
        grid.addClassName("portal-grid");
        var blinding = new Paragraph(getTranslation("monitor.blinded-note"));
        blinding.addClassName("portal-notice");
        body.removeAll();
        body.add(new Section(study.acronym() + " · " + study.title(), blinding),
                new Section(getTranslation("monitor.participants"), grid));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.monitor");
    }
}
