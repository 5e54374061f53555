package org.researchportal.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantDocuments;

/**
 * Marking a timepoint missed first checks whether it is fully assessed: in one read of the instruments recorded, not
 * one query per instrument of the timepoint. A plain unit test, like the planning round's reads.
 */
class MissedVisitReadsTests {

    private static final Set<String> READS = Set.of("find", "findOne", "findById", "getById", "exists", "count");

    @Test
    void aTimepointOfFourInstrumentsIsCheckedWithAsManyReadsAsOneOfOne() {
        assertThat(readsOfTheCheck(4)).isEqualTo(readsOfTheCheck(1));
    }

    /** The reads of marking a fully assessed timepoint of this many instruments missed (which is refused). */
    private static long readsOfTheCheck(int instruments) {
        List<String> codes = IntStream.range(0, instruments).mapToObj(n -> "instrument_" + n).toList();
        TenantDocuments documents = mock(TenantDocuments.class);
        when(documents.exists(any(), eq(Assessment.class))).thenReturn(true);
        when(documents.find(any(), eq(Assessment.class))).thenReturn(codes.stream().map(code -> new Assessment(
                "study", "participant", "week_12", code, 1, LocalDate.of(2026, 3, 1), Map.of(), Map.of(), "assessor",
                Instant.EPOCH)).toList());
        when(documents.findOne(any(), eq(Assessment.class))).thenAnswer(invocation -> Optional.of(new Assessment(
                "study", "participant", "week_12", "any", 1, LocalDate.of(2026, 3, 1), Map.of(), Map.of(), "assessor",
                Instant.EPOCH)));
        BlindedParticipants participants = mock(BlindedParticipants.class);
        when(participants.blindedParticipant("participant")).thenReturn(Optional.of(new BlindedParticipantRow(
                "participant", "study", "RE-MS-001", "Person", ParticipantStatus.ENROLLED, LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 2), null)));
        StudyService studies = mock(StudyService.class);
        when(studies.schedule("study")).thenReturn(List.of(new Timepoint("week_12", "Week 12", "第12周", 84, 7, 7,
                codes)));
        MissedVisits missedVisits = new MissedVisits(new MissedVisitRecords(documents),
                new AssessmentRecords(documents), participants, studies, mock(AuditTrail.class),
                mock(org.researchportal.base.clinical.ClinicalRecordLocks.class), Clock.systemUTC());

        assertThatThrownBy(() -> missedVisits.recordMissed("participant", "week_12", MissedVisitRecord.Kind.MISSED,
                "Moved away")).isInstanceOf(ValidationException.class);

        return mockingDetails(documents).getInvocations().stream()
                .filter(invocation -> READS.contains(invocation.getMethod().getName())).count();
    }
}
