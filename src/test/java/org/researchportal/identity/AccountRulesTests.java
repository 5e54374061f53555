package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Account rules the services enforce whatever the form did: roles that conflict, BCrypt's limit, lock-out under load. */
class AccountRulesTests extends PortalTest {

    @Autowired
    AccountService accounts;
    @Autowired
    AccountStandings standings;
    @Autowired
    MongoOperations mongo;
    @Autowired
    AuthenticationConfiguration authentication;

    private static String unique() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidationException refusal(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void aBlindedAssessorCannotAlsoHoldARoleThatSeesArms() {
        signIn("fudan.admin");
        assertThat(refusal(() -> accounts.create(new NewAccount(unique(), "Both", null, "en",
                Set.of(PortalRole.ASSESSOR, PortalRole.CLINICIAN), "long-enough-password"))).fieldMessageKeys())
                .containsEntry("roles", "account.roles.conflict");
        var assessor = accounts.accountsWithRole(PortalRole.ASSESSOR).getFirst();
        assertThat(refusal(() -> accounts.changeRoles(assessor.id(), Set.of(PortalRole.ASSESSOR,
                PortalRole.THERAPIST))).fieldMessageKeys()).containsEntry("roles", "account.roles.conflict");
        assertThat(accounts.accountsWithRole(PortalRole.ASSESSOR).getFirst().roles())
                .containsExactly(PortalRole.ASSESSOR);
    }

    @Test
    void passwordsBeyondBcryptsSeventyTwoBytesAreRefusedNotCut() {
        signIn("fudan.admin");
        String twentyFiveChinese = "运".repeat(25);
        assertThat(refusal(() -> accounts.create(new NewAccount(unique(), "Long", null, "zh-CN",
                Set.of(PortalRole.COORDINATOR), twentyFiveChinese))).fieldMessageKeys())
                .containsEntry("password", "account.password.invalid");
        String username = unique();
        accounts.create(new NewAccount(username, "Exact", null, "zh-CN", Set.of(PortalRole.COORDINATOR),
                "运".repeat(24)));
        assertThat(accounts.accounts(Pageable.unpaged()).stream()).anyMatch(a -> a.username().equals(username));
    }

    @Test
    void parallelGuessesCannotSlipPastTheLockOut() throws Exception {
        signIn("fudan.admin");
        String username = unique();
        accounts.create(new NewAccount(username, "Target", null, "en", Set.of(PortalRole.COORDINATOR),
                "correct-horse-battery"));
        var manager = authentication.getAuthenticationManager();
        List<Callable<String>> guesses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            guesses.add(() -> {
                try {
                    manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, "guess"));
                    return "in";
                } catch (BadCredentialsException e) {
                    return "checked";
                } catch (LockedException e) {
                    return "locked";
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (Future<String> outcome : pool.invokeAll(guesses)) {
                outcomes.add(outcome.get());
            }
        }
        assertThat(outcomes).filteredOn("checked"::equals).hasSize(Account.MAX_FAILED_SIGN_INS);
        assertThat(outcomes).filteredOn("locked"::equals).hasSize(12 - Account.MAX_FAILED_SIGN_INS);
    }

    @Test
    void aDeactivatedAccountOrChangedRolesEndTheSession() {
        signIn("fudan.admin");
        String username = unique();
        var row = accounts.create(new NewAccount(username, "Leaver", null, "en", Set.of(PortalRole.COORDINATOR),
                PASSWORD));
        var leaver = signIn(username);
        assertThat(standings.stillValid(leaver)).isTrue();

        signIn("fudan.admin");
        accounts.changeRoles(row.id(), Set.of(PortalRole.THERAPIST));
        assertThat(standings.stillValid(leaver)).isFalse();
        accounts.changeRoles(row.id(), Set.of(PortalRole.COORDINATOR));
        assertThat(standings.stillValid(leaver)).isTrue();
        accounts.setActive(row.id(), false);
        assertThat(standings.stillValid(leaver)).isFalse();
        assertThatThrownBy(() -> signIn(username)).isInstanceOf(IllegalStateException.class);
    }

    /**
     * Within one request the answer is read once and kept, until an account changes on this node: then at once. A
     * change written by another node counts from the next request.
     */
    @Test
    void oneRequestReadsTheAccountOnceButSeesAChangeOnThisNodeAtOnce() {
        signIn("fudan.admin");
        String username = unique();
        var row = accounts.create(new NewAccount(username, "Leaver", null, "en", Set.of(PortalRole.COORDINATOR),
                PASSWORD));
        var leaver = signIn(username);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            assertThat(standings.stillValid(leaver)).isTrue();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(row.id())), Update.update("active", false),
                    Account.class);
            assertThat(standings.stillValid(leaver)).as("another node's change: from the next request").isTrue();
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            assertThat(standings.stillValid(leaver)).isFalse();

            mongo.updateFirst(Query.query(Criteria.where("_id").is(row.id())), Update.update("active", true),
                    Account.class);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            assertThat(standings.stillValid(leaver)).isTrue();
            signIn("fudan.admin");
            accounts.setActive(row.id(), false);
            assertThat(standings.stillValid(leaver)).as("this node's change: in the same request").isFalse();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }
}
