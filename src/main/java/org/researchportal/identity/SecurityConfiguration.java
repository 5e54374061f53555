package org.researchportal.identity;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.aopalliance.intercept.MethodInvocation;
import org.researchportal.base.security.GuessingLimit;
import org.researchportal.identity.ui.LoginView;
import org.researchportal.tenancy.TenantDirectory;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.SecuredAuthorizationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.DefaultLoginPageConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Sign-in and access. Two modes, chosen by {@code portal.auth.mode}: {@code local} (the embedded default: the portal's
 * own login view and accounts) and {@code oidc} (production: OpenID Connect against Keycloak). Either way views declare
 * their roles and services check them again (method security), so a view is never the only gate.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
// @Secured is enabled by the advisor below, not here: it also refuses a person whose account changed since sign-in.
@EnableMethodSecurity
public class SecurityConfiguration {

    /** The registration id of the OpenID Connect provider in application-prod.yml. */
    public static final String OIDC_REGISTRATION = "keycloak";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Wrong API tokens per address and minute before the address is turned away (429) for the rest of it. */
    @Bean
    GuessingLimit apiTokenGuesses(Clock clock) {
        return new GuessingLimit(ApiTokenFilter.FAILURES_PER_MINUTE, clock);
    }

    /**
     * A request the firewall refuses (control characters, encoded slashes, "//" in its path or parameters) is answered
     * 400 Bad Request. By default it fails into the error page, which a webhook or API caller without a session would
     * see as a redirect to sign in.
     */
    @Bean
    WebSecurityCustomizer refusedRequestsAreBadRequests() {
        return web -> web.requestRejectedHandler(new HttpStatusRequestRejectedHandler());
    }

    /**
     * {@code @Secured} on the services, with one more condition than the roles: the person's account is still as it
     * was at sign-in (active, same roles, tenant not suspended). So a call that arrives after an administrator
     * deactivated someone fails even inside a request that began before (a form saved in the same round trip).
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor securedForStillValidAccounts(ObjectProvider<AccountStandings> standings) {
        var roles = new SecuredAuthorizationManager();
        AuthorizationManager<MethodInvocation> manager = (authentication, invocation) -> {
            AuthorizationResult granted = roles.authorize(authentication, invocation);
            if (granted == null || !granted.isGranted()) {
                return granted;
            }
            return new AuthorizationDecision(standings.getObject().stillValid(authentication.get()));
        };
        return AuthorizationManagerBeforeMethodInterceptor.secured(manager);
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        // Sign-in failures become events that LocalSignIn counts towards a lock-out.
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    /**
     * The REST API for data managers: stateless, bearer tokens only, no session, no CSRF (no browser cookies are
     * involved), and first in order so the portal's own chain never sees these paths.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, SignInAccounts accounts, TenantDirectory tenants,
            Clock clock, GuessingLimit apiTokenGuesses,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> controllers) throws Exception {
        return http.securityMatcher(ApiTokenFilter.PATHS.toArray(String[]::new))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiTokenFilter(new TokenOwners(accounts, tenants, clock), apiTokenGuesses,
                        controllers::getObject),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }

    /**
     * REDCap's API shape: stateless, no session, no CSRF (scripts post forms, no browser cookies are involved), the
     * token a form parameter as REDCap's clients send it. A call without a good token reaches the API unauthenticated,
     * which refuses it in REDCap's words and format.
     */
    @Bean
    @Order(0)
    SecurityFilterChain redcapSecurityFilterChain(HttpSecurity http, SignInAccounts accounts,
            TenantDirectory tenants, Clock clock, GuessingLimit apiTokenGuesses) throws Exception {
        return http.securityMatcher(RedcapTokenFilter.PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new RedcapTokenFilter(new TokenOwners(accounts, tenants, clock), apiTokenGuesses),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    /**
     * Providers' webhooks: no session, no CSRF token (the provider has neither). Each request proves itself with the
     * provider's signature, which the messaging module checks before anything changes.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webhookSecurityFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/webhooks/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, RequestUtil vaadinRequests,
            IdentityProperties settings, SessionCheck sessionCheck) throws Exception {
        boolean oidc = settings.identityProviderOwnsAccounts();
        // Every request of a signed-in person, Vaadin's own included, first checks that their account still stands.
        http.addFilterAfter(sessionCheck.requests(), SecurityContextHolderFilter.class);
        // Vaadin's own requests carry Vaadin's token; everything else that changes something needs Spring Security's,
        // the sign-in form included. Vaadin would exempt its login view's path, so another site could post its own
        // credentials there and sign a visitor in as the attacker (login CSRF). The login form sends the token the
        // page hands it in its <meta name="_csrf"> tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
                    @Override
                    public <O extends CsrfFilter> O postProcess(O filter) {
                        filter.setAccessDeniedHandler(staleSignInPageAnswersTryAgain());
                        return filter;
                    }
                }));
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles/**").permitAll()
                // The error page itself: a failed API or webhook call gets its status, not a redirect to sign in.
                .requestMatchers("/error").permitAll()
                // Links from messages: the token is checked (and rate-limited) before anyone is signed in.
                .requestMatchers("/l/**").permitAll()
                // Media streamed to the signed-in person; the video library checks tenant and viewer per request.
                .requestMatchers("/media/**").authenticated());
        if (oidc) {
            // A refused sign-in (unknown tenant, deactivated account) lands on the login view's explanation; the
            // default, the authorization endpoint itself, would send the person straight back to Keycloak in a loop.
            http.oauth2Login(oauth2 -> oauth2.failureUrl("/login?error"));
            // ...and /login is the portal's own view, not Spring Security's generated "Login with OAuth 2.0" page.
            http.removeConfigurer(DefaultLoginPageConfigurer.class);
        }
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.enableCsrfConfiguration(false);
            if (oidc) {
                // RP-initiated logout: signing out of the portal also ends the Keycloak session.
                vaadin.oauth2LoginPage("/oauth2/authorization/" + OIDC_REGISTRATION, "{baseUrl}");
            } else {
                vaadin.loginView(LoginView.class);
            }
        });
        return http.build();
    }

    /**
     * A sign-in posted with a token that no longer fits (the page was open in a tab while the person signed in in
     * another, or the server restarted) goes back to the sign-in page with its "could not sign you in", where a fresh
     * token waits, instead of a bare 403. Anything else without a valid token stays 403.
     */
    private static AccessDeniedHandler staleSignInPageAnswersTryAgain() {
        var signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
        var forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (signIn.matches(request)) {
                response.sendRedirect("/login?error");
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "portal.auth.mode", havingValue = "oidc")
    OidcSignIn oidcSignIn(SignInAccounts accounts, TenantDirectory tenants, Clock clock,
            IdentityProperties settings) {
        return new OidcSignIn(accounts, tenants, clock, settings.auth().oidc().tenantClaim(),
                settings.auth().oidc().rolesClaim());
    }
}
