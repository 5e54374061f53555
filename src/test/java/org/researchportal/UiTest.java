package org.researchportal;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.ClassUtils;

/** A browserless UI test (Karibu) on the whole portal, signed in as a demo account. */
public abstract class UiTest extends PortalTest {

    private static final Routes ROUTES = routes();

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
    }

    /**
     * Karibu's own discovery sees only public classes; our views are package-private, so the routes are found the way
     * Spring finds components (any visibility) and added.
     */
    @SuppressWarnings("unchecked")
    private static Routes routes() {
        Routes routes = new Routes().autoDiscoverViews("org.researchportal");
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (var candidate : scanner.findCandidateComponents("org.researchportal")) {
            routes.getRoutes().add((Class<? extends Component>) ClassUtils.resolveClassName(
                    java.util.Objects.requireNonNull(candidate.getBeanClassName()), UiTest.class.getClassLoader()));
        }
        return routes;
    }

    /**
     * Signs in for both the services (security context) and Vaadin's navigation access control (the request). The
     * context is kept in the HTTP session, as Spring Security keeps it in production, so Vaadin's security context
     * strategy answers it from the session and the views and services run as they do for a signed-in person.
     */
    protected void signInToUi(String username) {
        Authentication authentication = signIn(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    protected String currentPath() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    /** The text the current view shows outside its grids (grid rows are read with {@link #allCells}). */
    protected String viewText() {
        return UI.getCurrent().getCurrentView().getElement().getTextRecursively();
    }

    protected static <T> List<String> allCells(Grid<T> grid) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            cells.addAll(GridKt._getFormattedRow(grid, i));
        }
        return cells;
    }
}
