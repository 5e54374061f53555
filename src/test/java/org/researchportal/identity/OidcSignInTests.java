package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.TenantDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * OpenID Connect sign-in maps the token's tenant and roles, and refuses what must not happen: an unknown tenant, an
 * account of another tenant, another identity behind a known username, blinded and unblinded roles together. (The
 * real Keycloak round trip is the browser suite's job.)
 */
class OidcSignInTests extends PortalTest {

    @Autowired
    SignInAccounts accounts;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    MongoOperations mongo;

    private PortalUser signInWith(String subject, String username, Map<String, Object> claims) {
        var signIn = new OidcSignIn(accounts, tenants, Clock.systemUTC(), "tenant", "portal_roles");
        var token = OidcIdToken.withTokenValue("id-token").subject(subject).claim("preferred_username", username)
                .claim("name", "Token Person").claims(c -> c.putAll(claims)).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).build();
        var user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), token);
        return signIn.toPortalUser(user).portalUser();
    }

    private static String errorOf(Runnable signIn) {
        try {
            signIn.run();
        } catch (OAuth2AuthenticationException refused) {
            return refused.getError().getErrorCode();
        }
        return "signed in";
    }

    @Test
    void theTokenDecidesTenantAndRolesAndTheAccountIsMirrored() {
        PortalUser user = signInWith("sub-nurse", "oidc.nurse", Map.of("tenant", "fudan",
                "portal_roles", List.of("coordinator", "offline_access")));
        assertThat(user.tenantId()).isEqualTo("fudan");
        assertThat(user.tenantName()).isEqualTo("Fudan University");
        assertThat(user.roles()).containsExactly(PortalRole.COORDINATOR);
        Document mirrored = mongo.findOne(Query.query(Criteria.where("username").is("oidc.nurse")), Document.class,
                "accounts");
        assertThat(mirrored).isNotNull();
        assertThat(mirrored.getString("tenantId")).isEqualTo("fudan");
        assertThat(mirrored.getString("subject")).isEqualTo("sub-nurse");
        assertThat(mirrored.containsKey("passwordHash")).isFalse();
    }

    @Test
    void aTokenWithoutRolesSignsInWithNone() {
        assertThat(signInWith("sub-none", "oidc.none", Map.of("tenant", "fudan")).roles()).isEmpty();
    }

    @Test
    void aPlatformAdministratorHasNoTenant() {
        PortalUser admin = signInWith("sub-platform", "oidc.platform", Map.of("portal_roles", List.of(
                "platform-admin")));
        assertThat(admin.tenantId()).isNull();
        assertThat(admin.roles()).containsExactly(PortalRole.PLATFORM_ADMIN);
    }

    @Test
    void refusesAnUnknownOrMissingTenant() {
        assertThat(errorOf(() -> signInWith("s1", "oidc.lost", Map.of("tenant", "atlantis",
                "portal_roles", List.of("clinician"))))).isEqualTo("unknown_tenant");
        assertThat(errorOf(() -> signInWith("s2", "oidc.nowhere", Map.of("portal_roles", List.of("clinician")))))
                .isEqualTo("no_tenant");
    }

    @Test
    void anAccountNeverMovesToAnotherTenant() {
        assertThat(errorOf(() -> signInWith("s3", "fudan.clinician", Map.of("tenant", "lakeside",
                "portal_roles", List.of("tenant-admin"))))).isEqualTo("tenant_mismatch");
        Document account = mongo.findOne(Query.query(Criteria.where("username").is("fudan.clinician")),
                Document.class, "accounts");
        assertThat(account).isNotNull();
        assertThat(account.getString("tenantId")).isEqualTo("fudan");
        assertThat(account.get("roles", List.class)).containsExactly("CLINICIAN");
    }

    @Test
    void anotherIdentityBehindAKnownUsernameIsRefused() {
        signInWith("sub-original", "oidc.twin", Map.of("tenant", "fudan", "portal_roles", List.of("therapist")));
        assertThat(errorOf(() -> signInWith("sub-recreated", "oidc.twin", Map.of("tenant", "fudan",
                "portal_roles", List.of("therapist"))))).isEqualTo("subject_mismatch");
        // Refused before anything was written: the original person's account keeps its roles.
        assertThat(errorOf(() -> signInWith("sub-recreated", "oidc.twin", Map.of("tenant", "fudan",
                "portal_roles", List.of("tenant-admin"))))).isEqualTo("subject_mismatch");
        Document twin = mongo.findOne(Query.query(Criteria.where("username").is("oidc.twin")), Document.class,
                "accounts");
        assertThat(twin).isNotNull();
        assertThat(twin.get("roles", List.class)).containsExactly("THERAPIST");
        assertThat(twin.getString("subject")).isEqualTo("sub-original");
    }

    @Test
    void refusesABlindedAssessorWhoAlsoHoldsAnUnblindedRole() {
        assertThat(errorOf(() -> signInWith("s4", "oidc.both", Map.of("tenant", "fudan",
                "portal_roles", List.of("assessor", "clinician"))))).isEqualTo("role_conflict");
    }
}
