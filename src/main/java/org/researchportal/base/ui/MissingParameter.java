package org.researchportal.base.ui;

import com.vaadin.flow.router.BeforeEvent;
import org.jspecify.annotations.Nullable;

/**
 * A route that needs an id (a participant, a call), opened without one: the person lands on their own dashboard, not
 * on the servlet container's error page (a route that does not match is refused before the portal sees it).
 */
public final class MissingParameter {

    private MissingParameter() {
    }

    /** Forwards home when the parameter is missing; answers whether it did. */
    public static boolean forwardedHome(BeforeEvent event, @Nullable String parameter) {
        if (parameter == null || parameter.isBlank()) {
            event.forwardTo("");
            return true;
        }
        return false;
    }
}
