package org.researchportal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.researchportal.base.PublicAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The two stops of a signing's re-authentication at the identity provider: from the portal to the provider (for a
 * signing the signed-in person asked for and that still waits), and back (the signing callback, separate from the
 * sign-in's {@code /login/oauth2/code/}, so the answer proves a signing and signs nobody in). Every redirect goes to
 * the portal's public address and a path the signing stored, never to one the request names.
 */
@Controller
@ConditionalOnProperty(name = "portal.auth.mode", havingValue = "oidc")
class SigningCallback {

    static final String CALLBACK = "/signing/oauth2/code/" + SecurityConfiguration.OIDC_REGISTRATION;

    private final Reauthentications reauthentications;
    private final PublicAddress address;
    private final StepUp stepUp;

    SigningCallback(Reauthentications reauthentications, PublicAddress address, ClientRegistrationRepository clients) {
        this.reauthentications = reauthentications;
        this.address = address;
        this.stepUp = new StepUp(clients, SecurityConfiguration.OIDC_REGISTRATION);
    }

    @GetMapping(Reauthentications.START + "{signing}" + Reauthentications.START_SUFFIX)
    void start(@PathVariable String signing, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var waiting = reauthentications.awaiting(signing);
        if (waiting.isEmpty()) {
            // Not this person's, already sent, used or run out: a forged or replayed link starts nothing.
            response.sendRedirect(address.base() + "/?" + Reauthentications.RETURN_PARAMETER + "="
                    + Reauthentications.FAILED);
            return;
        }
        var sent = stepUp.send(signing, waiting.get().getUsername(), address.base() + CALLBACK, request, response);
        reauthentications.sent(signing, StepUp.nonceOf(sent));
        response.sendRedirect(sent.getAuthorizationRequestUri());
    }

    @GetMapping(CALLBACK)
    void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StepUp.Answer answer = stepUp.receive(request, response);
        String next;
        if (answer.signing() == null) {
            next = "/?" + Reauthentications.RETURN_PARAMETER + "=" + Reauthentications.FAILED;
        } else if (answer.idToken() == null) {
            next = reauthentications.failed(answer.signing(), answer.error());
        } else {
            next = reauthentications.answered(answer.signing(), answer.idToken());
        }
        response.sendRedirect(address.base() + next);
    }
}
