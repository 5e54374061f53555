package org.researchportal.identity;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalRole;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Participants' own accounts, made when their clinician invites them to the portal: no password until the participant
 * chooses one on a one-time link sent to their phone or mailbox, so no one else ever knows it. With OpenID Connect the
 * identity provider owns accounts, so none is made here.
 */
@Service
public class ParticipantAccounts {

    /** Attempts at a free username ("fudan.re-ms-012", then "-2", ...) before giving up. */
    private static final int USERNAME_TRIES = 20;

    private final TenantDocuments documents;
    private final AccountRecords accounts;
    private final Invitees invitees;
    private final PasswordLinks links;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean identityProviderOwnsAccounts;

    ParticipantAccounts(TenantDocuments documents, AccountRecords accounts, Invitees invitees, PasswordLinks links,
            AuditTrail audit, Clock clock, IdentityProperties settings) {
        this.documents = documents;
        this.accounts = accounts;
        this.invitees = invitees;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
        this.identityProviderOwnsAccounts = settings.identityProviderOwnsAccounts();
    }

    /**
     * Makes the account of an enrolled participant who has none, named after their study number within the tenant,
     * links it to their record, and answers it with the link on which its owner sets the password, to be sent to
     * them. A participant who has an account gets a new link instead, as long as its owner has not chosen a password.
     */
    @Secured(Authorities.CLINICIAN)
    public AccountInvitation invite(String participantId) {
        if (identityProviderOwnsAccounts) {
            throw ValidationException.of("channel", "account.managed-by-identity-provider");
        }
        Invitees.Invitee invitee = invitees.invitee(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        if (invitee.accountId() != null) {
            return inviteAgain(invitee.accountId())
                    .orElseThrow(() -> ValidationException.of("channel", "invitation.account-ready"));
        }
        String stem = (documents.currentTenantId() + "." + invitee.studyNumber()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._@-]", "-");
        for (int n = 1; n <= USERNAME_TRIES; n++) {
            String username = n == 1 ? stem : stem + "-" + n;
            if (!username.matches(Account.USERNAME_PATTERN)) {
                break;
            }
            Account account = new Account(username, invitee.displayName(), Inputs.blankToNull(invitee.email()),
                    PortalLocales.toTag(PortalLocales.fromTag(invitee.language())), Set.of(PortalRole.PARTICIPANT),
                    null, clock.instant());
            String link = links.issue(account);
            try {
                accounts.add(account);
            } catch (DuplicateKeyException taken) {
                continue;
            }
            audit.record("account.created", AccountService.ENTITY, account.requireId(), null, account.auditView(),
                    null);
            invitees.linkAccount(participantId, account.requireId());
            return new AccountInvitation(account.requireId(), username, link);
        }
        throw ValidationException.of("channel", "invitation.username.none");
    }

    /**
     * A new link for a participant account whose owner has not chosen a password yet (the first link expired or
     * went astray); empty when they have one, so an invitation never resets a password someone uses.
     */
    private Optional<AccountInvitation> inviteAgain(String accountId) {
        Account account = accounts.account(accountId);
        if (!account.getRoles().contains(PortalRole.PARTICIPANT) || account.getPasswordHash() != null
                || !account.isActive()) {
            return Optional.empty();
        }
        String link = links.issue(account);
        return !accounts.storePasswordLink(account) ? Optional.empty()
                : Optional.of(new AccountInvitation(accountId, account.getUsername(), link));
    }

    /** Whether the participant account's owner has chosen a password (signed in at least once or can). */
    @Secured(Authorities.CLINICIAN)
    public boolean hasPassword(String accountId) {
        return accounts.hasPassword(accountId);
    }
}
