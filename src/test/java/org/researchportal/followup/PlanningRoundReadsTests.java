package org.researchportal.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.audit.AuditTrail;
import org.researchportal.participants.CallParticipant;
import org.researchportal.participants.CallParticipants;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.ArmKind;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A planning round (every few hours in each tenant) reads the calls already planned and each arm's plan once, not
 * once per participant and call number: its reads stay the same as the study grows. A plain unit test: a second
 * Spring context in the same run would replace the security context strategy the first context's services read.
 */
class PlanningRoundReadsTests {

    private static final Set<String> READS = Set.of("find", "findOne", "findById", "getById", "exists", "count");
    private static final Instant NOW = Instant.parse("2026-01-05T02:00:00Z");

    @Test
    void aRoundReadsAsMuchForTwelveParticipantsAsForFour() {
        assertThat(readsOfARound(6, 6)).isEqualTo(readsOfARound(2, 2));
    }

    @Test
    void aRoundStillEndsTheOpenCallsOfSomeoneWhoLeft() {
        List<FollowUpCall> stored = List.of(call("left-with-open-calls", 1, CallStatus.COMPLETED),
                call("left-with-open-calls", 2, CallStatus.OPEN), call("left-without", 1, CallStatus.CANCELLED));
        TenantDocuments documents = documents(stored);
        when(documents.updateFirst(any(), any(), eq(FollowUpCall.class))).thenReturn(1L);

        round(documents, List.of(participant("left-with-open-calls", ParticipantStatus.WITHDRAWN),
                participant("left-without", ParticipantStatus.WITHDRAWN))).planCalls();

        assertThat(mockingDetails(documents).getInvocations()).filteredOn(i -> i.getMethod().getName()
                .equals("updateFirst")).singleElement().satisfies(update -> assertThat(update.<Query>getArgument(0)
                        .getQueryObject().get("_id")).isEqualTo("left-with-open-calls/2"));
    }

    /** The reads of the database and of the arms' plans in a round over enrolled participants and some who left. */
    private static long readsOfARound(int enrolled, int left) {
        TenantDocuments documents = documents(List.of());
        List<CallParticipant> participants = new ArrayList<>();
        IntStream.range(0, enrolled).forEach(n -> participants.add(participant("in-" + n, ParticipantStatus.ENROLLED)));
        IntStream.range(0, left).forEach(n -> participants.add(participant("out-" + n, ParticipantStatus.WITHDRAWN)));
        FollowUpPlans plans = mock(FollowUpPlans.class);
        when(plans.plan("study", "CONTROL")).thenReturn(Optional.of(new FollowUpPlan("study", "CONTROL",
                FollowUpTests.CONTROL)));

        assertThat(round(documents, plans, participants).planCalls()).as("calls planned").isPositive();

        return mockingDetails(documents).getInvocations().stream()
                .filter(invocation -> READS.contains(invocation.getMethod().getName())).count()
                + mockingDetails(plans).getInvocations().size();
    }

    private static CallPlanning round(TenantDocuments documents, List<CallParticipant> participants) {
        return round(documents, mock(FollowUpPlans.class), participants);
    }

    private static CallPlanning round(TenantDocuments documents, FollowUpPlans plans,
            List<CallParticipant> participants) {
        CallParticipants participantService = mock(CallParticipants.class);
        when(participantService.callParticipants()).thenReturn(participants);
        when(documents.currentTenantId()).thenReturn("tenant");
        return new CallPlanning(documents, new FollowUpCallRecords(documents), plans, participantService,
                mock(AuditTrail.class), event -> {}, Clock.fixed(NOW, ZoneOffset.UTC),
                mock(org.researchportal.base.clinical.ClinicalRecordLocks.class));
    }

    /** A store of these calls that answers finds by participant (one or several) and status, as the database does. */
    @SuppressWarnings("unchecked")
    private static TenantDocuments documents(List<FollowUpCall> stored) {
        TenantDocuments documents = mock(TenantDocuments.class);
        when(documents.find(any(), eq(FollowUpCall.class))).thenAnswer(invocation -> {
            Document query = invocation.<Query>getArgument(0).getQueryObject();
            return stored.stream().filter(call -> {
                Object participant = query.get("participantId");
                boolean theirs = participant instanceof Document in
                        ? ((Collection<String>) in.get("$in")).contains(call.getParticipantId())
                        : call.getParticipantId().equals(participant);
                return theirs && (!query.containsKey("status") || query.get("status") == call.getStatus());
            }).toList();
        });
        when(documents.insert(any())).thenAnswer(invocation -> invocation.getArgument(0));
        return documents;
    }

    private static FollowUpCall call(String participantId, int number, CallStatus status) {
        FollowUpCall call = new FollowUpCall(participantId, "study", "CONTROL", number, LocalDate.of(2026, 2, 5),
                LocalDate.of(2026, 1, 29), LocalDate.of(2026, 2, 12), NOW);
        ReflectionTestUtils.setField(call, "id", participantId + "/" + number);
        ReflectionTestUtils.setField(call, "status", status);
        return call;
    }

    private static CallParticipant participant(String id, ParticipantStatus status) {
        return new CallParticipant(id, "study", "RE-MS", id, "Person " + id, status, "CONTROL", "Control",
                ArmKind.CONTROL, LocalDate.of(2026, 1, 5), "Asia/Shanghai", "zh-CN", null, null, null);
    }
}
