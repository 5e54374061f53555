package org.researchportal.base.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;

/**
 * Where sign-in lands: it sends each person on to the dashboard of their first role. Someone who holds no role in the
 * portal is told so politely, with whom to ask, instead of meeting an error.
 */
@Route("")
@PermitAll
final class RootView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    RootView() {
        addClassName("portal-view");
        add(new ViewToolbar(getTranslation("no-role.title")));
        var message = new Paragraph(getTranslation("no-role.message"));
        message.addClassName("portal-notice");
        add(message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser.get().flatMap(u -> PortalRole.primary(u.roles()))
                .ifPresent(role -> event.forwardTo(role.dashboardRoute()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("no-role.title");
    }
}
