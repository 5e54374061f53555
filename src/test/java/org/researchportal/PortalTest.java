package org.researchportal;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.base.storage.DatabaseLinkConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
    @LocalServerPort
    private int serverPort;

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

    /** A browser signed in through the sign-in form, as a person would; its cookies keep the session. */
    protected HttpClient signedInClient(String username) throws Exception {
        return browser(username).http();
    }

    /** The same, able to open the portal's views through Vaadin's protocol. */
    protected VaadinBrowser browser(String username) throws Exception {
        return VaadinBrowser.signIn(URI.create("http://localhost:" + serverPort), username, PASSWORD);
    }

    /** The API token the demo seeds and prints for a tenant's clinician (see DemoTenantSeed). */
    protected static String demoToken(String tenant) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("research-portal-demo-token:" + tenant + ":"
                + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return "rp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** The REDCap token the demo seeds and prints for a tenant's study and role (see DemoTenantSeed). */
    protected static String demoRedcapToken(String tenant, PortalRole role) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("research-portal-demo-redcap:" + tenant + ":"
                + role.name() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().withUpperCase().formatHex(digest, 0, 16);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }
}
