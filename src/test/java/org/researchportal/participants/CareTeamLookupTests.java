package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.researchportal.audit.AuditTrail;
import org.researchportal.identity.AccountService;
import org.researchportal.tenancy.TenantDocuments;

/**
 * A participant's care team (therapist, coordinator and phone account) is named with one look-up in the identity
 * module, not one for the people and another for the account. A plain unit test: a second Spring context in the same
 * run would replace the security context strategy the first context's services read.
 */
class CareTeamLookupTests {

    @Test
    void theWholeTeamIsNamedWithOneLookUp() {
        Participant participant = mock(Participant.class);
        when(participant.getTherapistId()).thenReturn("therapist-id");
        when(participant.getCoordinatorId()).thenReturn("coordinator-id");
        when(participant.getAccountId()).thenReturn("account-id");
        TenantDocuments documents = mock(TenantDocuments.class);
        when(documents.getById("participant-id", Participant.class)).thenReturn(participant);
        AccountService accounts = mock(AccountService.class, Answers.RETURNS_MOCKS);

        new CareTeamService(new ParticipantRecords(documents), new ParticipantChanges(documents), accounts,
                mock(AuditTrail.class)).careTeam("participant-id");

        assertThat(mockingDetails(accounts).getInvocations()).as("calls to the identity module").hasSize(1);
    }
}
