package org.researchportal.participants.ui;

import static com.vaadin.flow.spring.data.VaadinSpringDataHelpers.toSpringPageRequest;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.Section;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.participants.ParticipantService;

/** The coordinator's dashboard: the participants they call each month, with phone, language and next due date. */
@Route("coordinator")
@Menu(order = 40, icon = "PHONE", title = "menu.coordinator")
@RolesAllowed(Roles.COORDINATOR)
final class CoordinatorDashboard extends Main implements HasDynamicTitle {

    CoordinatorDashboard(ParticipantService participants) {
        addClassName("portal-view");
        add(new ViewToolbar(getTranslation("menu.coordinator")), new Section(getTranslation("coordinator.caseload"),
                new CaseloadGrid(CaseloadGrid.Purpose.FOLLOW_UP_CALLS,
                        query -> participants.coordinatorCaseload(toSpringPageRequest(query)).stream())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.coordinator");
    }
}
