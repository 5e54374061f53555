package org.researchportal.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.researchportal.base.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Each UI speaks the signed-in person's chosen language. Before sign-in Vaadin picks the browser's among the
 * {@link PortalTranslations} locales.
 */
@Component
class LocaleSetup implements VaadinServiceInitListener {

    private static final String APPLIED = "portal.localeApplied";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinSession session = init.getUI().getSession();
            CurrentUser.get().ifPresent(user -> {
                // The account's language applies once per session; a choice made in the layout afterwards wins.
                if (session.getAttribute(APPLIED) == null) {
                    session.setAttribute(APPLIED, Boolean.TRUE);
                    session.setLocale(user.locale());
                }
                init.getUI().setLocale(session.getLocale());
            });
        });
    }
}
