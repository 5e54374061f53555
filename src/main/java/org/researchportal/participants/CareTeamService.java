package org.researchportal.participants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.PeopleNames;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * A participant's care team: the clinician gives a randomised participant a therapist and a coordinator, and links
 * the phone account they sign in with, so they reach the therapist's caseload, the coordinator's calls and their own
 * "My study". Each person must hold the role in this tenant and be active; an account belongs to one participant.
 */
@Service
public class CareTeamService {

    private final ParticipantRecords records;
    private final ParticipantChanges changes;
    private final AccountService accounts;
    private final AuditTrail audit;

    CareTeamService(ParticipantRecords records, ParticipantChanges changes, AccountService accounts,
            AuditTrail audit) {
        this.records = records;
        this.changes = changes;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Secured(Authorities.CLINICIAN)
    public CareTeam careTeam(String participantId) {
        Participant participant = records.participant(participantId);
        // One look-up names the whole team: the therapist, the coordinator and the phone account.
        PeopleNames names = accounts.names(nonNull(participant.getTherapistId(), participant.getCoordinatorId(),
                participant.getAccountId()));
        return new CareTeam(participant.getTherapistId(), names.name(participant.getTherapistId()),
                participant.getCoordinatorId(), names.name(participant.getCoordinatorId()),
                participant.getAccountId(), names.username(participant.getAccountId()));
    }

    /** Gives the participant a therapist and a coordinator; either may be cleared with null. */
    @Secured(Authorities.CLINICIAN)
    public CareTeam assign(String participantId, @Nullable String therapistId, @Nullable String coordinatorId) {
        Participant participant = records.participant(participantId);
        Map<String, String> errors = new HashMap<>();
        if (therapistId != null && !accounts.holdsRole(therapistId, PortalRole.THERAPIST)) {
            errors.put("therapist", "care-team.therapist.invalid");
        }
        if (coordinatorId != null && !accounts.holdsRole(coordinatorId, PortalRole.COORDINATOR)) {
            errors.put("coordinator", "care-team.coordinator.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (Objects.equals(therapistId, participant.getTherapistId())
                && Objects.equals(coordinatorId, participant.getCoordinatorId())) {
            return careTeam(participantId);
        }
        changes.assignCareTeam(participantId, therapistId, coordinatorId);
        PeopleNames names = accounts.names(nonNull(participant.getTherapistId(),
                participant.getCoordinatorId(), therapistId, coordinatorId));
        audit.record("participant.care-team-assigned", ParticipantService.ENTITY, participantId,
                team(names, participant.getTherapistId(), participant.getCoordinatorId()),
                team(names, therapistId, coordinatorId), null);
        return careTeam(participantId);
    }

    /** The active participant accounts of the tenant not yet linked to a study record, to link one. */
    @Secured(Authorities.CLINICIAN)
    public List<AccountRow> unlinkedParticipantAccounts() {
        List<AccountRow> candidates = accounts.accountsWithRole(PortalRole.PARTICIPANT);
        Set<String> linked = records.linkedAccounts(candidates.stream().map(AccountRow::id).toList());
        return candidates.stream().filter(a -> !linked.contains(a.id())).toList();
    }

    /**
     * Links the phone account the participant signs in with. The account must be an active participant account of
     * this tenant that no other participant uses; a participant keeps one account.
     */
    @Secured(Authorities.CLINICIAN)
    public CareTeam linkAccount(String participantId, String accountId) {
        Participant participant = records.participant(participantId);
        if (participant.getAccountId() != null) {
            throw ValidationException.of("account", "care-team.account.already-linked");
        }
        if (!accounts.holdsRole(accountId, PortalRole.PARTICIPANT) || records.accountLinked(accountId)) {
            throw ValidationException.of("account", "care-team.account.invalid");
        }
        if (!changes.linkAccount(participantId, accountId)) {
            throw ValidationException.of("account", "care-team.account.already-linked");
        }
        String username = accounts.names(List.of(accountId)).username(accountId);
        audit.record("participant.account-linked", ParticipantService.ENTITY, participantId, null,
                Map.of("account", username == null ? "" : username), null);
        return careTeam(participantId);
    }

    private static List<String> nonNull(@Nullable String... ids) {
        List<String> present = new ArrayList<>();
        for (String id : ids) {
            if (id != null) {
                present.add(id);
            }
        }
        return present;
    }

    private static Map<String, String> team(PeopleNames names, @Nullable String therapistId,
            @Nullable String coordinatorId) {
        Map<String, String> team = new LinkedHashMap<>();
        team.put("therapist", Objects.requireNonNullElse(names.name(therapistId), ""));
        team.put("coordinator", Objects.requireNonNullElse(names.name(coordinatorId), ""));
        return team;
    }
}
