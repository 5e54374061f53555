package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.LanguageChosen;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The frame around every signed-in view: the portal and tenant name, the role the person is working as (one may hold
 * several), the menu of that role's views (built from {@code @Menu} entries, so this layout imports no feature view)
 * and the person's own menu (language, sign out).
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final SideNav nav = new SideNav();
    private final Select<PortalRole> roleSwitch = new Select<>();
    private final PortalUser user;
    private final MenuByRole menus;
    /** The role the menu was built for: it is built again only when the role changes, not on every navigation. */
    private @Nullable PortalRole menuRole;
    private boolean menuBuilt;

    MainLayout(AuthenticationContext authenticationContext, ApplicationEventPublisher events, MenuByRole menus) {
        this.user = CurrentUser.require();
        this.menus = menus;
        setPrimarySection(Section.DRAWER);
        addClassName("main-layout");

        var scroller = new Scroller(nav);
        scroller.addClassName("main-layout__nav");
        addToDrawer(brand(), roleSwitch(), scroller, userMenu(authenticationContext, events));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // Opening a view of another of one's roles (a link, a bookmark) switches to that role.
        Class<?> view = getContent() == null ? null : getContent().getClass();
        PortalRole current = workingRole();
        if (view != null && current != null && !MenuByRole.allows(view, current)) {
            user.roles().stream().sorted().filter(r -> MenuByRole.allows(view, r)).findFirst()
                    .ifPresent(this::setWorkingRole);
        }
        if (current != null) {
            roleSwitch.setValue(workingRole());
        }
        refreshMenu();
    }

    private Component brand() {
        var portal = new Span(getTranslation("app.name"));
        portal.addClassName("main-layout__app-name");
        var tenant = new Span(user.tenantName() != null ? user.tenantName() : getTranslation("layout.platform"));
        tenant.addClassName("main-layout__tenant");
        var brand = new Div(portal, tenant);
        brand.addClassName("main-layout__brand");
        return brand;
    }

    private Component roleSwitch() {
        List<PortalRole> roles = user.roles().stream().sorted().toList();
        roleSwitch.setLabel(getTranslation("layout.working-as"));
        roleSwitch.setItems(roles);
        roleSwitch.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        roleSwitch.setVisible(roles.size() > 1);
        roleSwitch.addClassName("main-layout__role");
        if (workingRole() == null) {
            PortalRole.primary(roles).ifPresent(this::setWorkingRole);
        }
        roleSwitch.setValue(workingRole());
        roleSwitch.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                setWorkingRole(e.getValue());
                UI.getCurrent().navigate(e.getValue().dashboardRoute());
            }
        });
        return roleSwitch;
    }

    private void refreshMenu() {
        PortalRole role = workingRole();
        if (menuBuilt && role == menuRole) {
            return;
        }
        nav.removeAll();
        for (MenuEntry entry : menus.entries(role)) {
            var item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
        }
        menuRole = role;
        menuBuilt = true;
    }

    private Component userMenu(AuthenticationContext authenticationContext, ApplicationEventPublisher events) {
        // A button with a menu rather than a MenuBar: a MenuBar folds a long name away into "...".
        var me = new Button(user.displayName(), new Icon(VaadinIcon.USER));
        me.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        me.addClassName("main-layout__user");
        var menu = new ContextMenu(me);
        menu.setOpenOnClick(true);
        var language = menu.addItem(getTranslation("layout.language")).getSubMenu();
        for (Locale locale : PortalLocales.SUPPORTED) {
            language.addItem(getTranslation("language." + locale.toLanguageTag()), e -> {
                events.publishEvent(new LanguageChosen(locale));
                VaadinSession.getCurrent().setLocale(locale);
                UI.getCurrent().getPage().reload();
            });
        }
        menu.addItem(getTranslation("layout.sign-out"), e -> authenticationContext.logout());
        return me;
    }

    private @Nullable PortalRole workingRole() {
        return (PortalRole) VaadinSession.getCurrent().getAttribute(WORKING_ROLE);
    }

    private void setWorkingRole(PortalRole role) {
        VaadinSession.getCurrent().setAttribute(WORKING_ROLE, role);
    }

    private static final String WORKING_ROLE = "portal.workingRole";
}
