package org.researchportal.identity;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The signed-in person is fixed at sign-in; this keeps it honest during a long session. A deactivated account, changed
 * roles or a suspended tenant end the session at the person's next request of any kind (a page, Vaadin's UIDL and
 * streamed resources, videos, captions, pictures: {@link #requests()}), and every secured service call is refused
 * for them (see SecurityConfiguration), so an administrator's decision takes effect at once: not at the next page,
 * not at the next sign-in. What the account stands as is read from the database ({@link AccountStandings}), so it
 * holds with several portal nodes.
 */
@Component
class SessionCheck implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(SessionCheck.class);

    private final AccountStandings standings;
    private final AuthenticationContext authenticationContext;

    SessionCheck(AccountStandings standings, AuthenticationContext authenticationContext) {
        this.standings = standings;
        this.authenticationContext = authenticationContext;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // Also at navigation inside a request that began before the change (the request filter saw it valid).
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && !standings.stillValid(authentication)) {
                log.info("Ending the session of {}: account deactivated, roles changed or tenant suspended",
                        CurrentUser.get().map(PortalUser::username).orElse("?"));
                authenticationContext.logout();
            }
        }));
    }

    /**
     * The check on every request of the portal's own filter chain, right after the session's sign-in is read: a
     * session that is no longer valid is invalidated before anything runs, and the request goes on as an anonymous
     * one, which the chain and Vaadin then refuse (sign-in for a page, session expired for a UIDL request, no
     * resource for a streamed one, sign-in required for media).
     */
    OncePerRequestFilter requests() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (session != null && authentication != null && !standings.stillValid(authentication)) {
                    log.info("Ending the session of {}: account deactivated, roles changed or tenant suspended",
                            authentication.getName());
                    SecurityContextHolder.clearContext();
                    session.invalidate();
                }
                chain.doFilter(request, response);
            }
        };
    }
}
