package org.researchportal.participants;

import java.util.Optional;
import org.researchportal.identity.Invitees;
import org.springframework.stereotype.Component;

/** The enrolled participants of this tenant, as identity makes their accounts from them (see {@link Invitees}). */
@Component
class CareTeamInvitees implements Invitees {

    private final ParticipantRecords records;
    private final CareTeamService careTeam;

    CareTeamInvitees(ParticipantRecords records, CareTeamService careTeam) {
        this.records = records;
        this.careTeam = careTeam;
    }

    @Override
    public Optional<Invitee> invitee(String participantId) {
        return records.findParticipant(participantId)
                .filter(p -> p.getStudyNumber() != null && p.getStatus() == ParticipantStatus.ENROLLED)
                .map(p -> new Invitee(p.getStudyNumber(), p.getDisplayName(), p.getEmail(), p.getLanguage(),
                        p.getAccountId()));
    }

    @Override
    public void linkAccount(String participantId, String accountId) {
        careTeam.linkAccount(participantId, accountId);
    }
}
