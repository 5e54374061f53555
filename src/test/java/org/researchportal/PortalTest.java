package org.researchportal;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.base.storage.DatabaseLinkConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole portal: the embedded wire server in memory, seeded with the two demo tenants, served on a
 * random port so HTTP tests can call it. People sign in through the real authentication manager (BCrypt, lock-out),
 * so the principal is the one production builds. Every test shares this one context: a second one would install a
 * second security context holder strategy and the first context's method security would stop seeing sign-ins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(DatabaseLinkConfiguration.class)
public abstract class PortalTest {

    public static final String PASSWORD = "test-password-1";

    @Autowired
    private AuthenticationConfiguration authentication;

    /** Signs in as a demo account and answers the authentication. */
    protected Authentication signIn(String username) {
        try {
            Authentication result = authentication.getAuthenticationManager()
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, PASSWORD));
            SecurityContextHolder.getContext().setAuthentication(result);
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("Could not sign in as " + username, e);
        }
    }

    /** Runs as a system actor of one tenant with the given roles (for arranging data). */
    protected <T> T asSystem(String tenantId, Set<PortalRole> roles, java.util.function.Supplier<T> work) {
        return SystemActor.callAs("test", tenantId, roles, work);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }
}
