package org.researchportal.messaging;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.LinkSignIn;
import org.researchportal.participants.ParticipantService;
import org.researchportal.tenancy.TenantDocuments;
import org.researchportal.tenancy.TenantSweeps;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Where a link from a message lands: a usable token of a participant who may still be contacted signs them in on
 * this device (participant role only) and opens the page; anything else (unknown, expired, revoked, withdrawn) goes
 * to the sign-in page, which says nothing about why. Attempts are limited per address, so tokens cannot be guessed.
 */
@Controller
class SignedLinkEntry {

    private static final String TOKEN = "[A-Za-z0-9_-]{43}";

    private final TenantDocuments documents;
    private final TenantSweeps tenants;
    private final ParticipantLinks links;
    private final ParticipantService participants;
    private final LinkSignIn signIn;
    private final LinkAttempts attempts;

    SignedLinkEntry(TenantDocuments documents, TenantSweeps tenants, ParticipantLinks links,
            ParticipantService participants, LinkSignIn signIn, LinkAttempts attempts) {
        this.documents = documents;
        this.tenants = tenants;
        this.links = links;
        this.participants = participants;
        this.signIn = signIn;
        this.attempts = attempts;
    }

    private record Entry(String accountId, String location) {
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
        List<String> owners = documents.tenantsWith(ParticipantLink.class, "tokenHash", ParticipantLinks.hash(token));
        if (owners.size() != 1) {
            response.sendRedirect(context + "/login");
            return;
        }
        String tenant = owners.getFirst();
        Optional<Entry> entry = tenants.inTenant(tenant, "signed-link", EnumSet.of(PortalRole.COORDINATOR),
                () -> links.use(token).flatMap(link -> participants.contact(link.getParticipantId())
                        .filter(c -> !OutboxDispatcher.LEFT.contains(c.status()) && c.accountId() != null)
                        .map(c -> new Entry(c.accountId(), link.location()))).orElse(null));
        if (entry.isPresent() && signIn.signIn(tenant, entry.get().accountId(), request, response)) {
            response.sendRedirect(context + "/" + entry.get().location());
        } else {
            response.sendRedirect(context + "/login");
        }
    }
}
