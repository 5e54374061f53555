package org.researchportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.identity.ReauthenticationRecord.Status;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signing's round trip at the identity provider, with real RS256-signed ID tokens from a stand-in provider (token
 * endpoint and key set) and Spring Security's own code exchange and token checks: what the provider is asked, and
 * which answers prove a signing. A real Keycloak asks for the password again on {@code prompt=login} (see
 * research-reauth.md); what comes back is what is tested here.
 */
class StepUpTests {

    private static final String CLIENT = "research-portal";
    private static final String CALLBACK = "http://localhost:8080" + SigningCallback.CALLBACK;

    private MockWebServer provider;
    private RSAKey key;
    private volatile String idToken = "";
    private StepUp stepUp;
    private String issuer;
    private final MockHttpSession session = new MockHttpSession();

    @BeforeEach
    void startProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("portal-test").generate();
        provider = new MockWebServer();
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getTarget().endsWith("/certs")) {
                    return json(new JWKSet(key.toPublicJWK()).toString());
                }
                return json("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"scope\":\"openid profile email\",\"id_token\":\"" + idToken + "\"}");
            }
        });
        provider.start();
        issuer = provider.url("/realms/research-portal").toString();
        var registration = ClientRegistration.withRegistrationId("keycloak").clientId(CLIENT).clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid", "profile", "email")
                .authorizationUri(issuer + "/auth").tokenUri(issuer + "/token").jwkSetUri(issuer + "/certs")
                .issuerUri(issuer).userNameAttributeName("preferred_username").build();
        stepUp = new StepUp(new InMemoryClientRegistrationRepository(registration), "keycloak");
    }

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private OAuth2AuthorizationRequest send() {
        var request = new MockHttpServletRequest("GET", "/signing/abc/reauth");
        request.setSession(session);
        return stepUp.send("signing-1", "fudan.clinician", CALLBACK, request, new MockHttpServletResponse());
    }

    private StepUp.Answer callback(String state) {
        var request = new MockHttpServletRequest("GET", SigningCallback.CALLBACK);
        request.setSession(session);
        request.addParameter("code", "one-time-code");
        request.addParameter("state", state);
        return stepUp.receive(request, new MockHttpServletResponse());
    }

    private String token(RSAKey signer, Consumer<JWTClaimsSet.Builder> claims) throws Exception {
        Instant now = Instant.now();
        var builder = new JWTClaimsSet.Builder().issuer(issuer).subject("sub-clinician").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("auth_time", now.getEpochSecond()).claim("acr", "1")
                .claim("preferred_username", "fudan.clinician");
        claims.accept(builder);
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT).build(), builder.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static ReauthenticationRecord signing(String nonce, Instant requestedAt) {
        var record = new ReauthenticationRecord("signing-1", "account-1", "fudan.clinician", "Dr Clinician",
                "sub-clinician", "timepoint:p1:baseline", "/participants/p1", true, requestedAt,
                requestedAt.plus(Reauthentications.VALID_FOR), Status.REQUESTED);
        ReflectionTestUtils.setField(record, "nonceHash", nonce);
        return record;
    }

    @Test
    void theProviderIsAskedForAFreshPasswordAndAnswersAtTheSigningCallback() {
        var sent = send();
        var asked = UriComponentsBuilder.fromUriString(sent.getAuthorizationRequestUri()).build().getQueryParams();
        assertThat(asked.getFirst("prompt")).isEqualTo("login");
        assertThat(asked.getFirst("max_age")).isEqualTo("0");
        assertThat(asked.getFirst("login_hint")).isEqualTo("fudan.clinician");
        assertThat(asked.getFirst("redirect_uri")).contains("/signing/oauth2/code/keycloak")
                .doesNotContain("login");
        assertThat(asked.getFirst("state")).isNotBlank();
        assertThat(StepUp.nonceOf(sent)).isNotBlank().isEqualTo(asked.getFirst("nonce"));
    }

    @Test
    void theSamePersonWhoEnteredTheirPasswordAfterTheSigningWasAskedProvesIt() throws Exception {
        Instant asked = Instant.now().minusSeconds(5);
        var sent = send();
        idToken = token(key, claims -> claims.claim("nonce", StepUp.nonceOf(sent)));
        var answer = callback(sent.getState());
        assertThat(answer.signing()).isEqualTo("signing-1");
        assertThat(answer.idToken()).isNotNull();
        assertThat(answer.idToken().getSubject()).isEqualTo("sub-clinician");
        assertThat(Reauthentications.refusal(signing(StepUp.nonceOf(sent), asked), answer.idToken(), Instant.now()))
                .isEmpty();
    }

    @Test
    void anotherPersonSignedInAtTheProviderIsRefused() throws Exception {
        Instant asked = Instant.now().minusSeconds(5);
        var sent = send();
        // "Restart login" at the provider, then someone else's password: a valid token, of another subject.
        idToken = token(key, claims -> claims.claim("nonce", StepUp.nonceOf(sent)).subject("sub-lead"));
        var answer = callback(sent.getState());
        assertThat(answer.idToken()).isNotNull();
        assertThat(Reauthentications.refusal(signing(StepUp.nonceOf(sent), asked), answer.idToken(), Instant.now()))
                .contains("another-person");
    }

    @Test
    void aPasswordEnteredBeforeTheSigningWasAskedIsRefused() throws Exception {
        Instant asked = Instant.now().minusSeconds(5);
        var sent = send();
        long earlier = asked.minus(Duration.ofMinutes(10)).getEpochSecond();
        idToken = token(key, claims -> claims.claim("nonce", StepUp.nonceOf(sent)).claim("auth_time", earlier));
        var answer = callback(sent.getState());
        assertThat(answer.idToken()).isNotNull();
        assertThat(Reauthentications.refusal(signing(StepUp.nonceOf(sent), asked), answer.idToken(), Instant.now()))
                .contains("stale-authentication");
    }

    @Test
    void aTokenWithoutAuthTimeOrFromASessionCookieIsRefused() throws Exception {
        Instant asked = Instant.now().minusSeconds(5);
        var sent = send();
        idToken = token(key, claims -> claims.claim("nonce", StepUp.nonceOf(sent)).claim("auth_time", null));
        var answer = callback(sent.getState());
        assertThat(Reauthentications.refusal(signing(StepUp.nonceOf(sent), asked), answer.idToken(), Instant.now()))
                .contains("no-auth-time");

        var again = send();
        idToken = token(key, claims -> claims.claim("nonce", StepUp.nonceOf(again)).claim("acr", "0"));
        var cookie = callback(again.getState());
        assertThat(Reauthentications.refusal(signing(StepUp.nonceOf(again), asked), cookie.idToken(),
                Instant.now())).contains("no-password-entered");
    }

    @Test
    void anAnsweredStateCannotBeReplayed() throws Exception {
        var sent = send();
        idToken = token(key, claims -> claims.claim("nonce", StepUp.nonceOf(sent)));
        assertThat(callback(sent.getState()).idToken()).isNotNull();
        var replay = callback(sent.getState());
        assertThat(replay.signing()).isNull();
        assertThat(replay.idToken()).isNull();
        assertThat(replay.error()).isEqualTo("authorization_request_not_found");
    }

    @Test
    void aTokenOfAnotherRequestOrKeyIsRefusedBySpringsChecks() throws Exception {
        var sent = send();
        idToken = token(key, claims -> claims.claim("nonce", "nonce-of-another-request"));
        var otherRequest = callback(sent.getState());
        assertThat(otherRequest.signing()).isEqualTo("signing-1");
        assertThat(otherRequest.idToken()).isNull();
        assertThat(otherRequest.error()).isEqualTo("invalid_nonce");

        var again = send();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("portal-test").generate();
        idToken = token(stranger, claims -> claims.claim("nonce", StepUp.nonceOf(again)));
        var forged = callback(again.getState());
        assertThat(forged.idToken()).isNull();
        assertThat(forged.error()).isEqualTo("invalid_id_token");
    }

    @Test
    void aSigningAlreadyAnsweredOrRunOutIsRefused() throws Exception {
        Instant asked = Instant.now().minusSeconds(5);
        var sent = send();
        idToken = token(key, claims -> claims.claim("nonce", StepUp.nonceOf(sent)));
        var answer = callback(sent.getState());
        var used = signing(StepUp.nonceOf(sent), asked);
        ReflectionTestUtils.setField(used, "status", Status.USED);
        assertThat(Reauthentications.refusal(used, answer.idToken(), Instant.now())).contains("not-pending");
        assertThat(Reauthentications.refusal(signing(StepUp.nonceOf(sent), asked), answer.idToken(),
                asked.plus(Reauthentications.VALID_FOR))).contains("expired");
    }
}
