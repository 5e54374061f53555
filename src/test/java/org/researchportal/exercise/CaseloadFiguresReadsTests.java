package org.researchportal.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ProgrammeParticipants;
import org.researchportal.study.ArmKind;
import org.researchportal.tenancy.TenantDocuments;

/**
 * A page of a therapist's caseload costs the same few reads however many rows it has, including the participants who
 * logged nothing for four weeks (whose last session is looked up further back); a participant's progress costs the
 * same however many weeks went by without a session. A plain unit test: a second Spring
 * context in the same run would replace the security context strategy the first context's services read.
 */
class CaseloadFiguresReadsTests {

    private static final Set<String> READS = Set.of("find", "findOne", "findById", "getById", "exists", "count",
            "aggregate");

    @Test
    void aPageOfTwelveQuietParticipantsReadsAsMuchAsAPageOfThree() {
        assertThat(readsOfAPage(12)).isEqualTo(readsOfAPage(3));
    }

    @Test
    void everyParticipantOfThePageGetsFigures() {
        TenantDocuments documents = mock(TenantDocuments.class);
        assertThat(figures(documents, participants(4)).figures(ids(4))).hasSize(4);
    }

    @Test
    void aParticipantsProgressReadsAsMuchAfterTwelveQuietWeeksAsAfterTwo() {
        assertThat(readsOfProgress(12)).isEqualTo(readsOfProgress(2));
    }

    /** The reads of one participant's progress in a programme that started some weeks ago, with nothing logged. */
    private static long readsOfProgress(int weeks) {
        TenantDocuments documents = mock(TenantDocuments.class);
        ParticipantRef participant = participants(1).getFirst();
        Programme programme = new Programme(participant.id(), "study", "manual", 1, "standard",
                LocalDate.of(2026, 3, 2).minusWeeks(weeks), List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), List.of(),
                List.of(), Instant.parse("2026-01-01T00:00:00Z"));
        when(documents.findOne(any(), eq(Programme.class))).thenReturn(Optional.of(programme));
        ProgressFigures figures = figures(documents, List.of(participant));
        assertThat(figures.progress(participant.id()).weeks()).hasSizeGreaterThan(weeks);
        return mockingDetails(documents).getInvocations().stream()
                .filter(invocation -> READS.contains(invocation.getMethod().getName())).count();
    }

    private static long readsOfAPage(int rows) {
        TenantDocuments documents = mock(TenantDocuments.class);
        assertThat(figures(documents, participants(rows)).figures(ids(rows))).hasSize(rows);
        return mockingDetails(documents).getInvocations().stream()
                .filter(invocation -> READS.contains(invocation.getMethod().getName())).count();
    }

    private static ProgressFigures figures(TenantDocuments documents, List<ParticipantRef> page) {
        ProgrammeParticipants participants = mock(ProgrammeParticipants.class);
        when(participants.programmeParticipants(anyCollection())).thenReturn(page);
        page.forEach(p -> when(participants.programmeParticipant(p.id())).thenReturn(Optional.of(p)));
        ExerciseArm arm = new ExerciseArm(participants, Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"),
                ZoneOffset.UTC));
        SessionLogRecords sessions = new SessionLogRecords(documents);
        return new ProgressFigures(participants, arm, new ProgrammeRecords(documents, arm), sessions,
                new ProgrammeAlertRecords(documents), new WeeklySummaries(documents, sessions, Clock.systemUTC()));
    }

    private static List<String> ids(int rows) {
        return IntStream.range(0, rows).mapToObj(n -> "p-" + n).toList();
    }

    private static List<ParticipantRef> participants(int rows) {
        return ids(rows).stream().map(id -> new ParticipantRef(id, "study", id, "Person " + id,
                ParticipantStatus.ENROLLED, ArmKind.INTERVENTION, "Asia/Shanghai", null)).toList();
    }
}
