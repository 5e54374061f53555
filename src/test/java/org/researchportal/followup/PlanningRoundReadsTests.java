package org.researchportal.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.researchportal.audit.AuditTrail;
import org.researchportal.participants.CallParticipant;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.ArmKind;
import org.researchportal.tenancy.TenantDocuments;

/**
 * A planning round (every few hours in each tenant) reads the calls already planned and each arm's plan once, not
 * once per participant and call number: its reads stay the same as the study grows. A plain unit test: a second
 * Spring context in the same run would replace the security context strategy the first context's services read.
 */
class PlanningRoundReadsTests {

    private static final Set<String> READS = Set.of("find", "findOne", "findById", "getById", "exists", "count");

    @Test
    void aRoundReadsAsMuchForSixParticipantsAsForTwo() {
        assertThat(readsOfARound(6)).isEqualTo(readsOfARound(2));
    }

    /** The reads of the database and of the arms' plans in a round that plans every call of these participants. */
    private static long readsOfARound(int participantCount) {
        TenantDocuments documents = mock(TenantDocuments.class);
        when(documents.find(any(), any())).thenReturn(List.of());
        when(documents.insert(any())).thenAnswer(invocation -> invocation.getArgument(0));
        ParticipantService participants = mock(ParticipantService.class);
        when(participants.callParticipants()).thenReturn(IntStream.range(0, participantCount)
                .mapToObj(n -> new CallParticipant("participant-" + n, "study", "RE-MS", "RE-MS-00" + n,
                        "Person " + n, ParticipantStatus.ENROLLED, "CONTROL", "Control", ArmKind.CONTROL,
                        LocalDate.of(2026, 1, 5), "Asia/Shanghai", "zh-CN", null, null, null))
                .toList());
        FollowUpPlans plans = mock(FollowUpPlans.class);
        when(plans.plan("study", "CONTROL")).thenReturn(Optional.of(new FollowUpPlan("study", "CONTROL",
                FollowUpTests.CONTROL)));
        CallPlanning planning = new CallPlanning(documents, new FollowUpCallRecords(documents), plans, participants,
                mock(AuditTrail.class), event -> { }, Clock.fixed(Instant.parse("2026-01-05T02:00:00Z"),
                        ZoneOffset.UTC));

        assertThat(planning.planCalls()).as("calls planned").isPositive();

        return mockingDetails(documents).getInvocations().stream()
                .filter(invocation -> READS.contains(invocation.getMethod().getName())).count()
                + mockingDetails(plans).getInvocations().size();
    }
}
