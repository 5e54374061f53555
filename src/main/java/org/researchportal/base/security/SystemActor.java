package org.researchportal.base.security;

import com.vaadin.flow.internal.CurrentInstance;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no person started (demo seeding, scheduled jobs) as a named system actor in one tenant with the
 * roles the work needs, so that it passes through the same tenant scoping, role checks and audit as a person would.
 * Only the modules named in {@code SystemActorUseTests} may use it; views never do.
 *
 * <p>Work that follows a person's click (an event listener) runs inside that person's Vaadin request, where Vaadin's
 * security context strategy answers the person's context from the HTTP session and ignores the thread's. So the
 * system actor steps out of the Vaadin request for the length of the work: it runs with its own roles, not the
 * person's, and the person's request is as it was afterwards.
 */
public final class SystemActor {

    public static final String USERNAME_PREFIX = "system:";

    private SystemActor() {
    }

    public static <T> T callAs(String purpose, @Nullable String tenantId, Set<PortalRole> roles, Supplier<T> work) {
        return callFor(purpose, tenantId, USERNAME_PREFIX + purpose, roles, work);
    }

    /**
     * Runs on behalf of one account of a tenant (its "me"), still named as the system in the audit trail: for the
     * demo's participants' own entries, which no person typed.
     */
    public static <T> T callFor(String purpose, @Nullable String tenantId, String accountId, Set<PortalRole> roles,
            Supplier<T> work) {
        if (tenantId != null && roles.contains(PortalRole.PLATFORM_ADMIN)) {
            throw new IllegalArgumentException("Platform administration is never done inside a tenant");
        }
        String name = USERNAME_PREFIX + purpose;
        PortalUser actor = new PortalUser(accountId, name, "System (" + purpose + ")", tenantId, null, roles,
                Locale.ENGLISH, ZoneOffset.UTC);
        var authorities = roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated((PortalPrincipal) () -> actor, null,
                authorities);
        Map<Class<?>, CurrentInstance> vaadinRequest = CurrentInstance.getInstances();
        CurrentInstance.clearAll();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            CurrentInstance.restoreInstances(vaadinRequest);
        }
    }

    public static void runAs(String purpose, @Nullable String tenantId, Set<PortalRole> roles, Runnable work) {
        callAs(purpose, tenantId, roles, () -> {
            work.run();
            return null;
        });
    }

    public static void runFor(String purpose, @Nullable String tenantId, String accountId, Set<PortalRole> roles,
            Runnable work) {
        callFor(purpose, tenantId, accountId, roles, () -> {
            work.run();
            return null;
        });
    }
}
