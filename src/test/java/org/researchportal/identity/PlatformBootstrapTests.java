package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

/**
 * An empty installation (no demo, so no platform administrator) is entered through the bootstrap username: its
 * account is made at start-up and its one-time set-password link printed; nothing happens once one exists, nor with
 * OpenID Connect, where the role comes from the identity provider.
 */
class PlatformBootstrapTests extends PortalTest {

    @Autowired
    MongoOperations mongo;
    @Autowired
    SignInAccounts accounts;
    @Autowired
    PasswordLinks links;
    @Autowired
    Clock clock;
    @Autowired
    AuthenticationConfiguration authentication;
    @LocalServerPort
    int port;

    @Test
    void anInstallationWithoutAPlatformAdministratorGetsOneWhoSetsTheirOwnPassword() throws Exception {
        // The shared store has the demo's platform administrator: set it aside to stand for an empty installation.
        Query platformAccounts = Query.query(Criteria.where("tenantId").isNull());
        List<Document> demo = mongo.find(platformAccounts, Document.class, "accounts");
        mongo.remove(platformAccounts, "accounts");
        try {
            assertThat(bootstrap("root.admin", "oidc").start()).isEmpty();
            assertThat(accounts.findByUsername("root.admin")).isEmpty();

            String link = bootstrap("Root.Admin", "local").start().orElseThrow();
            assertThat(link).startsWith("http://localhost:" + port + "/set-password/");
            Account made = accounts.findByUsername("root.admin").orElseThrow();
            assertThat(made.getTenantId()).isNull();
            assertThat(made.getRoles()).containsExactly(PortalRole.PLATFORM_ADMIN);
            assertThat(made.getPasswordHash()).isNull();

            // Restarted before the link was used: a new link, the old one no longer works.
            String second = bootstrap("root.admin", "local").start().orElseThrow();
            assertThat(second).isNotEqualTo(link);
            String token = second.substring(second.lastIndexOf('/') + 1);
            assertThat(links.isOpen(link.substring(link.lastIndexOf('/') + 1))).isFalse();
            assertThat(links.setPassword(token, "first-of-the-platform")).contains("root.admin");
            assertThat(links.isOpen(token)).isFalse();

            var signedIn = authentication.getAuthenticationManager().authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated("root.admin", "first-of-the-platform"));
            assertThat(((PortalPrincipal) signedIn.getPrincipal()).portalUser().roles())
                    .containsExactly(PortalRole.PLATFORM_ADMIN);

            // Once a platform administrator exists, a start makes nothing, whatever username is named.
            assertThat(bootstrap("another.admin", "local").start()).isEmpty();
            assertThat(accounts.findByUsername("another.admin")).isEmpty();
        } finally {
            mongo.remove(platformAccounts, "accounts");
            demo.forEach(d -> mongo.insert(d, "accounts"));
        }
    }

    private PlatformBootstrap bootstrap(String username, String mode) {
        return new PlatformBootstrap(accounts, links, clock, username, mode);
    }
}
