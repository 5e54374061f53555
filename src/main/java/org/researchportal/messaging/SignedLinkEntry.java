package org.researchportal.messaging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.LinkSignIn;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a link from a message lands: a usable token of a participant who may still be contacted signs them in on
 * this device (participant role only), once, and opens the page. A link used up or run out leads to the sign-in page
 * telling the participant to sign in or ask for a new link; anything else (unknown, revoked, withdrawn, a locked or
 * deactivated account) goes to the sign-in page, which says nothing about why. A questionnaire link on a device not
 * signed in as its participant signs nobody in yet: it leads to the check of who is answering ({@link IdentityChecks}).
 * Attempts are limited per address, so
 * tokens cannot be guessed.
 */
@Controller
class SignedLinkEntry {

    private static final String TOKEN = "[A-Za-z0-9_-]{43}";
    /** The sign-in page's notice for a link that was used up or ran out. */
    static final String USED_UP = "/login?link=used";

    private final ParticipantLinkRecords records;
    private final TenantSweeps tenants;
    private final ParticipantLinks links;
    private final LinkSignIn signIn;
    private final LinkAttempts attempts;

    SignedLinkEntry(ParticipantLinkRecords records, TenantSweeps tenants, ParticipantLinks links, LinkSignIn signIn,
            LinkAttempts attempts) {
        this.records = records;
        this.tenants = tenants;
        this.links = links;
        this.signIn = signIn;
        this.attempts = attempts;
    }

    @GetMapping(ParticipantLinks.PATH + "{token}")
    void open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        if (!attempts.allowed(request.getRemoteAddr())) {
            // Set, not sendError: the error page is behind sign-in and would turn this into a redirect.
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", "60");
            return;
        }
        String context = request.getContextPath();
        if (!token.matches(TOKEN)) {
            response.sendRedirect(context + "/login");
            return;
        }
        List<String> owners = records.tenantsHolding(ParticipantLinks.hash(token));
        if (owners.size() != 1) {
            response.sendRedirect(context + "/login");
            return;
        }
        String tenant = owners.getFirst();
        ParticipantLinks.Opening opening = tenants.inTenant(tenant, "signed-link", EnumSet.of(PortalRole.COORDINATOR),
                () -> links.open(token, account -> signIn.signedInAs(account, request)))
                .orElse(new ParticipantLinks.Opening.Refused(ParticipantLinks.Refusal.UNKNOWN));
        if (opening instanceof ParticipantLinks.Opening.Check check) {
            // Not signed in outright: this device keeps what is to be checked (never the token) and asks her.
            request.getSession(true).setAttribute(PendingCheck.SESSION_KEY, check.pending());
            response.sendRedirect(context + "/" + PendingCheck.PAGE);
        } else if (opening instanceof ParticipantLinks.Opening.Open open && (open.signedInAlready()
                || signIn.signIn(tenant, open.accountId(), request, response))) {
            response.sendRedirect(context + "/" + open.location());
        } else if (opening instanceof ParticipantLinks.Opening.Refused refused && refused.why().toldToParticipant()) {
            response.sendRedirect(context + USED_UP);
        } else {
            response.sendRedirect(context + "/login");
        }
    }
}
