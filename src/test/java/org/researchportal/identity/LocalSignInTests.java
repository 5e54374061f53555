package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;

/** Local sign-in: BCrypt hashes, tenant and roles on the principal, lock-out after repeated failures. */
class LocalSignInTests extends PortalTest {

    @Autowired
    AccountService accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    MongoOperations mongo;

    private String newAccount(String password) {
        signIn("fudan.admin");
        String username = "t" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Test Person", null, "zh-CN", Set.of(PortalRole.COORDINATOR),
                password));
        return username;
    }

    private Authentication attempt(String username, String password) throws Exception {
        return authentication.getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void storesOnlyABcryptHashAndSignsInWithTenantRolesAndLanguage() throws Exception {
        String username = newAccount("correct-horse-battery");
        var stored = mongo.findOne(Query.query(Criteria.where("username").is(username)), org.bson.Document.class,
                "accounts");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("passwordHash")).startsWith("$2").doesNotContain("correct-horse");

        var user = ((PortalPrincipal) attempt(username, "correct-horse-battery").getPrincipal()).portalUser();
        assertThat(user.tenantId()).isEqualTo("fudan");
        // A Chinese-speaking account reads the institution's Chinese name.
        assertThat(user.tenantName()).isEqualTo("复旦大学");
        assertThat(user.roles()).containsExactly(PortalRole.COORDINATOR);
        assertThat(user.locale().toLanguageTag()).isEqualTo("zh-CN");
    }

    @Test
    void locksTheAccountAfterRepeatedFailuresEvenForTheRightPassword() throws Exception {
        String username = newAccount("correct-horse-battery");
        for (int i = 0; i < Account.MAX_FAILED_SIGN_INS; i++) {
            assertThatThrownBy(() -> attempt(username, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(username, "correct-horse-battery")).isInstanceOf(LockedException.class);
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() throws Exception {
        String username = newAccount("correct-horse-battery");
        for (int i = 0; i < Account.MAX_FAILED_SIGN_INS - 1; i++) {
            assertThatThrownBy(() -> attempt(username, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(attempt(username, "correct-horse-battery").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> attempt(username, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        assertThat(attempt(username, "correct-horse-battery").isAuthenticated()).isTrue();
    }

    @Test
    void aDeactivatedAccountCannotSignInAndTheChangeIsAudited() throws Exception {
        String username = newAccount("correct-horse-battery");
        signIn("fudan.admin");
        var row = accounts.accounts(org.springframework.data.domain.Pageable.unpaged()).stream()
                .filter(a -> a.username().equals(username)).findFirst().orElseThrow();
        accounts.setActive(row.id(), false);
        assertThatThrownBy(() -> attempt(username, "correct-horse-battery")).isInstanceOf(DisabledException.class);

        var history = audit.history("Account", row.id());
        assertThat(history).extracting(e -> e.getAction()).containsExactly("account.deactivated", "account.created");
        assertThat(history.getFirst().getActor()).isEqualTo("fudan.admin");
        assertThat(history.getFirst().getBefore()).containsEntry("active", true);
        assertThat(history.getFirst().getAfter()).containsEntry("active", false).doesNotContainKey("passwordHash");
    }

    @Test
    void anUnknownUsernameIsRefusedLikeAWrongPassword() {
        assertThatThrownBy(() -> attempt("nobody.here", "whatever-password"))
                .isInstanceOf(BadCredentialsException.class);
    }
}
