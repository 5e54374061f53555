package org.researchportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.base.security.SystemActor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.authorization.method.SecuredAuthorizationManager;
import org.springframework.security.util.SimpleMethodInvocation;

/**
 * The role matrix: every view and every service operation against every role, written to
 * {@code docs/role-matrix.md} from the code's own annotations, and walked both ways. Each service operation is
 * granted to exactly the roles the table names and refused to the others by Spring Security's own decision, and
 * really invoked by a refused role it throws before doing anything; each view admits exactly its roles. A service
 * operation without a role check fails the test. Run with {@code -Drole-matrix.write=true} to rewrite the table
 * after a change.
 */
class RoleMatrixTests extends PortalTest {

    private static final Path TABLE = Path.of("docs", "role-matrix.md");
    private static final List<PortalRole> ROLES = List.of(PortalRole.values());
    /**
     * Records what the caller did, whoever they are (a person or the system acting for a tenant); it decides nothing
     * and changes no clinical data of its own accord.
     */
    private static final Set<String> OPEN_BY_DESIGN = Set.of("AuditTrail.record(6)");

    @Autowired
    ApplicationContext context;

    record Operation(String name, Object bean, Method method, Set<PortalRole> roles) {

        boolean showsArms() {
            return method.isAnnotationPresent(ShowsArms.class);
        }
    }

    record View(String path, Class<?> type, Set<PortalRole> roles) {

        boolean showsArms() {
            return type.isAnnotationPresent(ShowsArms.class);
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (var operation : ServiceOperations.of(context)) {
            Method method = operation.method();
            Secured secured = method.getAnnotation(Secured.class);
            PreAuthorize anyone = method.getAnnotation(PreAuthorize.class);
            Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
            if (anyone != null && anyone.value().equals("isAuthenticated()")) {
                // "Any signed-in person" (their own language, their own API tokens): every role.
                roles.addAll(ROLES);
            } else if (secured != null) {
                for (String authority : secured.value()) {
                    ROLES.stream().filter(r -> r.authority().equals(authority)).forEach(roles::add);
                }
            }
            operations.add(new Operation(operation.name() + "(" + method.getParameterCount() + ")", operation.bean(),
                    method, roles));
        }
        operations.sort(Comparator.comparing(Operation::name));
        return operations;
    }

    private static List<View> views() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<View> views = new ArrayList<>();
        var checker = new AccessAnnotationChecker();
        for (var candidate : scanner.findCandidateComponents("org.researchportal")) {
            Class<?> type;
            try {
                type = Class.forName(candidate.getBeanClassName());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
            for (PortalRole role : ROLES) {
                if (checker.hasAccess(type, () -> "someone", r -> r.equals(role.authority().substring(5)))) {
                    roles.add(role);
                }
            }
            views.add(new View(type.getAnnotation(Route.class).value(), type, roles));
        }
        views.sort(Comparator.comparing(View::path));
        return views;
    }

    private static String table(List<View> views, List<Operation> operations) {
        StringBuilder out = new StringBuilder("# Role matrix\n\nWritten by `RoleMatrixTests` from the code's own "
                + "annotations (`@RolesAllowed` on views, `@Secured` on service operations) and walked by it both ways:"
                + " each role is admitted where the table says so and refused everywhere else. Regenerate with "
                + "`./mvnw test -Dtest=RoleMatrixTests -Drole-matrix.write=true`. Marked *arms*: it reveals allocation "
                + "(`@ShowsArms`), so no blinded role may reach it.\n\n");
        String header = "| | " + ROLES.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(" | ")) + " |\n|---|" + "---|".repeat(ROLES.size()) + "\n";
        out.append("## Views\n\n").append(header.replaceFirst("\\| \\|", "| view |"));
        for (View view : views) {
            out.append("| `").append(view.path().isEmpty() ? "/" : view.path()).append('`').append(view.showsArms()
                    ? " *arms*" : "").append(" | ").append(marks(
                            view.roles())).append('\n');
        }
        out.append("\n## Service operations\n\n").append(header.replaceFirst("\\| \\|", "| operation |"));
        for (Operation operation : operations) {
            out.append("| `").append(operation.name()).append('`').append(operation.showsArms() ? " *arms*" : "")
                    .append(" | ").append(marks(operation.roles())).append('\n');
        }
        return out.toString();
    }

    private static String marks(Set<PortalRole> roles) {
        return ROLES.stream().map(r -> roles.contains(r) ? "✓" : "").collect(Collectors.joining(" | ")) + " |";
    }

    @Test
    void theTableInDocsIsTheCodesOwn() throws IOException {
        String table = table(views(), operations());
        if (Boolean.getBoolean("role-matrix.write")) {
            Files.createDirectories(TABLE.getParent());
            Files.writeString(TABLE, table, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(TABLE, StandardCharsets.UTF_8)).as("docs/role-matrix.md is out of date: "
                + "regenerate it with -Drole-matrix.write=true and read the difference").isEqualTo(table);
    }

    @Test
    void everyServiceOperationChecksTheCallersRole() {
        assertThat(operations()).filteredOn(o -> o.roles().isEmpty()).extracting(Operation::name)
                .as("public service operations without @Secured").containsExactlyInAnyOrderElementsOf(OPEN_BY_DESIGN);
    }

    @Test
    void eachOperationIsGrantedToItsRolesAndRefusedToTheOthers() {
        var secured = new SecuredAuthorizationManager();
        var preAuthorized = new PreAuthorizeAuthorizationManager();
        for (Operation operation : operations()) {
            if (OPEN_BY_DESIGN.contains(operation.name())) {
                continue;
            }
            for (PortalRole role : ROLES) {
                var invocation = new SimpleMethodInvocation(operation.bean(), operation.method());
                var who = new TestingAuthenticationToken("someone", "n/a", role.authority());
                who.setAuthenticated(true);
                var decision = operation.method().isAnnotationPresent(Secured.class)
                        ? secured.authorize(() -> who, invocation) : preAuthorized.authorize(() -> who, invocation);
                boolean granted = decision != null && decision.isGranted();
                assertThat(granted).as(operation.name() + " for " + role).isEqualTo(operation.roles().contains(role));
            }
        }
    }

    @Test
    void aRefusedRoleIsStoppedBeforeTheOperationRuns() {
        for (Operation operation : operations()) {
            if (OPEN_BY_DESIGN.contains(operation.name())) {
                continue;
            }
            PortalRole refused = ROLES.stream().filter(r -> !operation.roles().contains(r)
                    && r != PortalRole.PLATFORM_ADMIN).findFirst().orElse(null);
            if (refused == null) {
                continue;
            }
            Object[] arguments = Arrays.stream(operation.method().getParameterTypes()).map(RoleMatrixTests::blank)
                    .toArray();
            var call = new ServiceOperations.Operation(operation.name(), operation.bean(), operation.method());
            assertThatThrownBy(() -> SystemActor.callAs("role-matrix", "fudan", Set.of(refused),
                    () -> call.invoke(arguments))).as(operation.name() + " as " + refused).isInstanceOf(
                            AccessDeniedException.class);
        }
    }

    @Test
    void eachViewAdmitsItsRolesOnly() {
        assertThat(views()).isNotEmpty().allSatisfy(view -> assertThat(view.roles()).as(view.path())
                .isNotEmpty());
        // The assessor is blinded: no view that shows an arm admits them.
        assertThat(views()).filteredOn(v -> v.roles().contains(PortalRole.ASSESSOR)).extracting(View::path)
                .doesNotContain("participants", "programme", "progress", "calls", "call", "coordinator", "therapist",
                        "clinician", "messages", "messages/participant");
    }

    @Test
    void noBlindedRoleReachesAnArm() {
        assertThat(operations()).filteredOn(Operation::showsArms).isNotEmpty().allSatisfy(o -> assertThat(o.roles())
                .as(o.name()).noneMatch(PortalRole::blinded));
        assertThat(views()).filteredOn(View::showsArms).isNotEmpty().allSatisfy(v -> assertThat(v.roles())
                .as(v.path()).noneMatch(PortalRole::blinded));
    }

    private static Object blank(Class<?> type) {
        // Written out: a chain of ?: would promote every number to the widest type.
        Object blank = null;
        if (type == boolean.class) {
            blank = Boolean.FALSE;
        } else if (type == long.class) {
            blank = 0L;
        } else if (type == double.class) {
            blank = 0.0;
        } else if (type == int.class) {
            blank = 0;
        } else if (type.isPrimitive()) {
            throw new IllegalStateException("No blank for " + type);
        }
        return blank;
    }
}
