package org.researchportal.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.security.SealedValues;
import org.researchportal.participants.ContactPreferences;
import org.researchportal.participants.ParticipantContact;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A reminder round (every few hours in each tenant) reads what the outbox holds for the round's reminders, and each
 * wording, once, not once per reminder: its reads stay the same as the study grows. A plain unit test, like the follow-up planning's:
 * a second Spring context in the same run would replace the security context strategy the first one's services read.
 */
class ReminderRoundReadsTests {

    private static final Set<String> READS = Set.of("find", "findOne", "findById", "getById", "exists", "count");
    private static final Instant NOW = Instant.parse("2026-01-05T02:00:00Z");
    private static final LocalDate IN_TWO_DAYS = LocalDate.of(2026, 1, 7);

    @Test
    void aCallRoundReadsAsMuchForSixCallsAsForTwo() {
        assertThat(readsOf(6, Kind.CALLS)).isEqualTo(readsOf(2, Kind.CALLS));
    }

    @Test
    void anAssessmentRoundReadsAsMuchForSixTimepointsAsForTwo() {
        assertThat(readsOf(6, Kind.ASSESSMENTS)).isEqualTo(readsOf(2, Kind.ASSESSMENTS));
    }

    @Test
    void aCallRoundStillCancelsTheReminderOfTheDayACallMovedFromAndKeepsTheOneOfItsDay() {
        OutboxMessage movedFrom = pending("call-reminder:c1:" + IN_TWO_DAYS.minusDays(1) + ":EMAIL", "m-old");
        OutboxMessage onItsDay = pending("call-reminder:c1:" + IN_TWO_DAYS + ":EMAIL", "m-day");
        OutboxMessage otherCall = pending("call-reminder:c2:" + IN_TWO_DAYS.minusDays(1) + ":EMAIL", "m-other");
        TenantDocuments documents = mock(TenantDocuments.class);
        when(documents.find(any(Query.class), eq(OutboxMessage.class))).thenAnswer(invocation -> {
            Query query = invocation.getArgument(0);
            // The round's read of what is pending (its read of what is planned under its keys finds nothing).
            return query.getQueryObject().containsKey("status") ? List.of(movedFrom, onItsDay, otherCall)
                    : List.of();
        });
        when(documents.updateFirst(any(), any(), eq(OutboxMessage.class))).thenReturn(1L);

        planner(documents, new DueReminders() {
            @Override
            public List<ExpectedCall> expectedCalls(int days) {
                return List.of(new ExpectedCall("c1", "p-1", IN_TWO_DAYS, null, "Weekdays 14:00-17:00"));
            }
        }, mock(MessageTemplates.class)).planCallReminders(7);

        assertThat(mockingDetails(documents).getInvocations()).filteredOn(i -> i.getMethod().getName()
                .equals("updateFirst")).singleElement().satisfies(update -> assertThat(update.<Query>getArgument(0)
                        .getQueryObject().get("_id")).isEqualTo("m-old"));
    }

    private enum Kind {
        CALLS, ASSESSMENTS
    }

    /** The reads of the database and of the wordings in one round over this many reminders due, none planned yet. */
    private static long readsOf(int reminders, Kind kind) {
        TenantDocuments documents = mock(TenantDocuments.class);
        MessageTemplates templates = mock(MessageTemplates.class);
        List<String> participants = IntStream.range(0, reminders).mapToObj(n -> "p-" + n).toList();
        ReminderPlanner planner = planner(documents, new DueReminders() {
            @Override
            public List<ExpectedCall> expectedCalls(int days) {
                return participants.stream().map(p -> new ExpectedCall("call-" + p, p, IN_TWO_DAYS, null,
                        "Weekdays 14:00-17:00")).toList();
            }

            @Override
            public List<AssessmentDue> assessments() {
                return participants.stream().map(p -> new AssessmentDue(p, "week-12", IN_TWO_DAYS, false)).toList();
            }
        }, templates);

        int planned = kind == Kind.CALLS ? planner.planCallReminders(7) : planner.planAssessmentReminders(7);

        assertThat(planned).as("reminders planned").isEqualTo(reminders);
        return mockingDetails(documents).getInvocations().stream()
                .filter(invocation -> READS.contains(invocation.getMethod().getName())).count()
                + mockingDetails(templates).getInvocations().size();
    }

    @SuppressWarnings("unchecked")
    private static ReminderPlanner planner(TenantDocuments documents, DueReminders due, MessageTemplates templates) {
        when(documents.currentTenantId()).thenReturn("tenant");
        ParticipantContacts participants = mock(ParticipantContacts.class);
        when(participants.contact(anyString())).thenAnswer(invocation -> Optional.of(contact(invocation
                .getArgument(0))));
        when(templates.template(any(), any(), anyString())).thenReturn(new TemplateText("Soon", "On {date}"));
        ObjectProvider<DueReminders> sources = mock(ObjectProvider.class);
        when(sources.orderedStream()).thenAnswer(invocation -> Stream.of(due));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Outbox outbox = new Outbox(new OutboxRecords(documents), mock(AuditTrail.class), clock,
                mock(SealedValues.class), participants, mock(StudyNames.class));
        return new ReminderPlanner(sources, participants, templates, outbox, mock(ParticipantLinks.class), clock,
                mock(org.researchportal.base.clinical.ClinicalRecordLocks.class));
    }

    /** An enrolled participant who agreed to email only, in UTC. */
    private static ParticipantContact contact(String participantId) {
        return new ParticipantContact(participantId, "study", "Wang Fang", ParticipantStatus.ENROLLED, null,
                participantId + "@example.org", "en", "UTC", false, true, "account-" + participantId,
                new ContactPreferences("UTC", ContactPreferences.DEFAULT_REMINDER,
                        ContactPreferences.DEFAULT_QUIET_FROM, ContactPreferences.DEFAULT_QUIET_UNTIL), null);
    }

    private static OutboxMessage pending(String key, String id) {
        OutboxMessage message = new OutboxMessage(new NewMessage(key, MessagePurpose.CALL_REMINDER, Channel.EMAIL,
                "p-1@example.org", "p-1", "study", Locale.ENGLISH, "Soon", "On a day", null, NOW.plusSeconds(3600)),
                "lookup", NOW);
        ReflectionTestUtils.setField(message, "id", id);
        return message;
    }
}
