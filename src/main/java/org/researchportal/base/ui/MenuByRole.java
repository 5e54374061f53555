package org.researchportal.base.ui;

import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;
import org.springframework.stereotype.Component;

/**
 * The menu entries of each role, found once. Vaadin's menu registry checks every route's access for every call, and
 * each check looks its services up on the class path: a tenth of a navigation's time under load (figure 2 in
 * docs/benchmarks.md). The entries of a role are the same for everyone working as it.
 */
@Component
class MenuByRole {

    private final Map<PortalRole, List<MenuEntry>> entries = new ConcurrentHashMap<>();

    /** The entries whose view the role may open; for no role (platform work), every entry the person may open. */
    List<MenuEntry> entries(@Nullable PortalRole role) {
        if (role == null) {
            return MenuConfiguration.getMenuEntries();
        }
        return entries.computeIfAbsent(role, r -> MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> entry.menuClass() == null || allows(entry.menuClass(), r)).toList());
    }

    static boolean allows(Class<?> view, PortalRole role) {
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        return allowed == null || Arrays.asList(allowed.value()).contains(role.name());
    }
}
