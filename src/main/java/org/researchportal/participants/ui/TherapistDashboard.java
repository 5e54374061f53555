package org.researchportal.participants.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.participants.CaseloadFigures;
import org.researchportal.participants.ParticipantService;

/** The therapist's dashboard: the participants whose home programme they follow. */
@Route("therapist")
@Menu(order = 30, icon = "HEART", title = "menu.therapist")
@RolesAllowed(Roles.THERAPIST)
final class TherapistDashboard extends Main implements HasDynamicTitle {

    TherapistDashboard(ParticipantService participants, List<CaseloadFigures> figures) {
        addClassName("portal-view");
        add(new ViewToolbar(getTranslation("menu.therapist")), new Section(getTranslation("therapist.caseload"),
                new CaseloadGrid(CaseloadGrid.Purpose.PROGRAMMES,
                        query -> participants.therapistCaseload(toSpringPageRequest(query)).stream(), figures)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.therapist");
    }
}
