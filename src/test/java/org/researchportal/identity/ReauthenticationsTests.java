package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.ReauthenticationRecord.Status;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Re-authentication before a signature. Local sign-in: the password is checked like a sign-in (a wrong one counts
 * toward the lock-out, a locked account cannot sign), the session stays as it was, and the proof names the signed-in
 * person only. Through the identity provider: a re-authenticated signing gives its proof once, to its own signer.
 */
class ReauthenticationsTests extends PortalTest {

    private static final String PASSWORD_OF_NEW = "correct-horse-battery";

    @Autowired
    Reauthentications reauthentications;
    @Autowired
    AccountService accounts;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    TenantDocuments documents;
    @Autowired
    AuditTrail audit;

    private String newClinician() {
        signIn("fudan.admin");
        String username = "c" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Dr New Clinician", null, "en", Set.of(PortalRole.CLINICIAN),
                PASSWORD_OF_NEW));
        SecurityContextHolder.clearContext();
        return username;
    }

    private Authentication signInWith(String username, String password) throws Exception {
        Authentication result = authentication.getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        SecurityContextHolder.getContext().setAuthentication(result);
        return result;
    }

    private static String refusal(Runnable attempt, String field) {
        try {
            attempt.run();
        } catch (ValidationException refused) {
            return refused.fieldMessageKeys().get(field);
        }
        return "confirmed";
    }

    @Test
    void theRightPasswordGivesAProofOfTheSignedInPersonAndLeavesTheSessionAsItWas() throws Exception {
        String username = newClinician();
        Authentication session = signInWith(username, PASSWORD_OF_NEW);

        SigningProof proof = reauthentications.confirmPassword("timepoint:p1:baseline", username, PASSWORD_OF_NEW);

        assertThat(proof.accountId()).isEqualTo(CurrentUser.require().accountId());
        assertThat(proof.username()).isEqualTo(username);
        assertThat(proof.displayName()).isEqualTo("Dr New Clinician");
        assertThat(proof.method()).isEqualTo(SigningProof.Method.LOCAL_PASSWORD);
        assertThat(proof.fullIdentification()).isTrue();
        assertThat(proof.purpose()).isEqualTo("timepoint:p1:baseline");
        assertThat(proof.at()).isBeforeOrEqualTo(Instant.now());
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(session);
    }

    @Test
    void wrongPasswordsCountTowardTheLockOutOfSignIn() throws Exception {
        String username = newClinician();
        signInWith(username, PASSWORD_OF_NEW);
        for (int i = 0; i < Account.MAX_FAILED_SIGN_INS; i++) {
            assertThat(refusal(() -> reauthentications.confirmPassword("p", username, "wrong-password"), "password"))
                    .isEqualTo("signing.password.wrong");
        }
        // The next sign-in with the right password waits, as after five wrong passwords at the sign-in form...
        assertThatThrownBy(() -> authentication.getAuthenticationManager().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, PASSWORD_OF_NEW)))
                .isInstanceOf(LockedException.class);
        // ...and so does a signing: a locked account cannot sign.
        assertThat(refusal(() -> reauthentications.confirmPassword("p", username, PASSWORD_OF_NEW), "password"))
                .isEqualTo("signing.password.wait");
        assertThat(audit.history("Account", CurrentUser.require().accountId()))
                .extracting(e -> e.getAction()).contains("signing.reauthentication-refused");
    }

    @Test
    void noProofForAnotherAccountAndTheFirstSigningNeedsTheUsername() throws Exception {
        String username = newClinician();
        signInWith(username, PASSWORD_OF_NEW);
        // Another person's username (and password) at this person's desk proves nothing.
        assertThat(refusal(() -> reauthentications.confirmPassword("p", "fudan.clinician", PASSWORD), "username"))
                .isEqualTo("signing.username.wrong");
        // Without a session (no continuous period of access known) the username is always asked for.
        assertThat(reauthentications.asksForUsername()).isTrue();
        assertThat(refusal(() -> reauthentications.confirmPassword("p", null, PASSWORD_OF_NEW), "username"))
                .isEqualTo("signing.username.required");
    }

    @Test
    void laterSigningsOfTheSameSessionAskForThePasswordAlone() throws Exception {
        String username = newClinician();
        signInWith(username, PASSWORD_OF_NEW);
        var request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            assertThat(reauthentications.asksForUsername()).isTrue();
            assertThat(reauthentications.confirmPassword("first", username, PASSWORD_OF_NEW).fullIdentification())
                    .isTrue();
            assertThat(reauthentications.asksForUsername()).isFalse();
            SigningProof second = reauthentications.confirmPassword("second", null, PASSWORD_OF_NEW);
            assertThat(second.fullIdentification()).isFalse();
            assertThat(second.accountId()).isEqualTo(CurrentUser.require().accountId());

            // A new session (signing in again) asks for both again.
            request.setSession(new MockHttpSession());
            assertThat(reauthentications.asksForUsername()).isTrue();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void onlyAClinicianReauthenticatesToSign() {
        signIn("fudan.coordinator");
        assertThatThrownBy(() -> reauthentications.confirmPassword("p", "fudan.coordinator", PASSWORD))
                .isInstanceOf(AccessDeniedException.class);
    }

    private ReauthenticationRecord waiting(String reference, String nonce) {
        var user = CurrentUser.require();
        Instant now = Instant.now();
        var record = new ReauthenticationRecord(reference, user.accountId(), user.username(), user.displayName(),
                "sub-" + user.username(), "ae:p1:ae1", "/participants/p1", true, now.minusSeconds(2),
                now.plus(Reauthentications.VALID_FOR), Status.REQUESTED);
        ReflectionTestUtils.setField(record, "nonceHash", nonce);
        return documents.insert(record);
    }

    private static OidcIdToken token(String subject, String nonce) {
        Instant now = Instant.now();
        return OidcIdToken.withTokenValue("verified").subject(subject).claim("nonce", nonce)
                .claim("auth_time", now).claim("acr", "1").issuedAt(now).expiresAt(now.plusSeconds(60)).build();
    }

    @Test
    void aReauthenticationAtTheProviderGivesItsProofOnceAndOnlyToItsSigner() {
        signIn("fudan.clinician");
        String reference = "ref-" + UUID.randomUUID();
        waiting(reference, "n1");
        assertThat(reauthentications.consume(reference)).isEmpty();

        assertThat(reauthentications.answered(reference, token("sub-fudan.clinician", "n1")))
                .isEqualTo("/participants/p1?signing=" + reference);

        // Another clinician of the tenant cannot use it.
        signIn("fudan.lead");
        assertThat(reauthentications.consume(reference)).isEmpty();
        signIn("fudan.clinician");

        var proof = reauthentications.consume(reference);
        assertThat(proof).isPresent();
        assertThat(proof.get().accountId()).isEqualTo(CurrentUser.require().accountId());
        assertThat(proof.get().purpose()).isEqualTo("ae:p1:ae1");
        assertThat(proof.get().method()).isEqualTo(SigningProof.Method.IDENTITY_PROVIDER);
        assertThat(proof.get().subject()).isEqualTo("sub-fudan.clinician");
        assertThat(reauthentications.consume(reference)).as("single use").isEmpty();
    }

    @Test
    void aReauthenticationOfAnotherPersonEndsTheSigning() {
        signIn("fudan.clinician");
        String reference = "ref-" + UUID.randomUUID();
        waiting(reference, "n2");
        assertThat(reauthentications.answered(reference, token("sub-fudan.lead", "n2")))
                .isEqualTo("/participants/p1?signing=failed");
        assertThat(reauthentications.answered(reference, token("sub-fudan.clinician", "n2")))
                .as("refused for good").isEqualTo("/participants/p1?signing=failed");
        assertThat(reauthentications.consume(reference)).isEmpty();
    }

    @Test
    void aReturnPathNeverLeavesThePortal() {
        assertThat(Reauthentications.safePath("participants/p1?x=1")).isEqualTo("/participants/p1");
        assertThat(Reauthentications.safePath("//evil.example/x")).isEqualTo("/evil.example/x");
        assertThat(Reauthentications.safePath("https://evil.example")).isEqualTo("/");
        assertThat(Reauthentications.safePath("a/../../b")).isEqualTo("/");
    }
}
