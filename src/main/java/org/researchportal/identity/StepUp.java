package org.researchportal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A re-authentication at the identity provider for one signing, in Spring Security's own terms: the authorization
 * request (fresh state and nonce, {@code prompt=login}, {@code max_age=0}, the signing callback as redirect URI) kept
 * in the session where the sign-in keeps its own, and the callback's code exchanged and its ID token verified
 * (signature, issuer, audience, expiry, nonce) by Spring's OpenID Connect provider. Nothing here signs anyone in: the
 * session's authentication is never replaced, so another person who signs in at the provider ("Restart login") does
 * not take over the session; {@link Reauthentications} then refuses them by their subject.
 */
class StepUp {

    /** The attribute of the authorization request that names the signing it was sent for. */
    static final String SIGNING = "portal.signing";

    private final ClientRegistration registration;
    private final DefaultOAuth2AuthorizationRequestResolver resolver;
    private final AuthenticationProvider provider;
    private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> requests = new HttpSessionOAuth2AuthorizationRequestRepository();

    StepUp(ClientRegistrationRepository clients, String registrationId) {
        this.registration = Objects.requireNonNull(clients.findByRegistrationId(registrationId));
        this.resolver = new DefaultOAuth2AuthorizationRequestResolver(clients, "/oauth2/authorization");
        var users = new OidcUserService();
        // Only the ID token matters here: who re-authenticated and when. No user-info call, no account mirroring.
        users.setRetrieveUserInfo(request -> false);
        this.provider = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), users);
    }

    /** Keeps the authorization request for the signing in the session and answers the provider's address for it. */
    OAuth2AuthorizationRequest send(String signing, String username, String callbackUri, HttpServletRequest request,
            HttpServletResponse response) {
        OAuth2AuthorizationRequest base = Objects.requireNonNull(resolver.resolve(request, registration
                .getRegistrationId()));
        OAuth2AuthorizationRequest stepUp = OAuth2AuthorizationRequest.from(base).redirectUri(callbackUri)
                .additionalParameters(parameters -> {
                    parameters.put("prompt", "login");
                    parameters.put("max_age", "0");
                    parameters.put("login_hint", username);
                }).attributes(attributes -> attributes.put(SIGNING, signing)).build();
        requests.saveAuthorizationRequest(stepUp, request, response);
        return stepUp;
    }

    /** The nonce an ID token must carry to answer this authorization request. */
    static String nonceOf(OAuth2AuthorizationRequest request) {
        return String.valueOf(request.getAdditionalParameters().get(OidcParameterNames.NONCE));
    }

    /** What came back to the callback: the signing it was for (if the state matched one) and the verified token. */
    record Answer(@Nullable String signing, @Nullable OidcIdToken idToken, String error) {}

    /**
     * Takes the session's authorization request whose state the callback carries (so each is answered once), and
     * exchanges the code for a verified ID token.
     */
    Answer receive(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest sent = requests.removeAuthorizationRequest(request, response);
        if (sent == null || !(sent.getAttribute(SIGNING) instanceof String signing)) {
            return new Answer(null, null, "authorization_request_not_found");
        }
        String code = request.getParameter(OAuth2ParameterNames.CODE);
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        String error = request.getParameter(OAuth2ParameterNames.ERROR);
        OAuth2AuthorizationResponse answer = error != null || code == null
                ? OAuth2AuthorizationResponse.error(error == null ? "invalid_request" : error)
                        .redirectUri(sent.getRedirectUri()).state(state).build()
                : OAuth2AuthorizationResponse.success(code).redirectUri(sent.getRedirectUri()).state(state).build();
        try {
            var verified = (OAuth2LoginAuthenticationToken) provider.authenticate(new OAuth2LoginAuthenticationToken(
                    registration, new OAuth2AuthorizationExchange(sent, answer)));
            if (verified != null && verified.getPrincipal() instanceof OidcUser user) {
                return new Answer(signing, user.getIdToken(), "");
            }
            return new Answer(signing, null, "not_oidc");
        } catch (OAuth2AuthenticationException refused) {
            OAuth2Error why = refused.getError();
            return new Answer(signing, null, why.getErrorCode());
        }
    }
}
