package org.researchportal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.study.StudySummary;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;

/**
 * An export reads its participants a page at a time, each page with its own assessments (and, unblinded, its own
 * adverse events, adherence and calls), and misses none.
 */
class ExportDataTests {

    private static final int SUBJECTS = 2 * ExportData.PAGE + 17;

    private final List<ExportSubject> all = IntStream.range(0, SUBJECTS).mapToObj(i -> new ExportSubject("p" + i,
            "S" + i, "ENROLLED", LocalDate.of(2026, 1, 1), "Exercise")).toList();
    private final List<List<String>> assessmentPages = new ArrayList<>();
    private final List<Long> pagesRead = new ArrayList<>();

    @Test
    void everySubjectOnceInOrderWithItsOwnAssessmentsAndOnlyOnePageHeldAtATime() {
        ExportData data = new ExportData(new StudySummary("s", "RE-MS", "RE-MS", null, List.of(), 24, null, null),
                false, List.of(), List.of(), this::page, ids -> {
                    assessmentPages.add(ids);
                    return ids.stream().map(id -> new AssessmentRecord("a-" + id, id, "baseline", "bpi", 1,
                            LocalDate.of(2026, 1, 2), Map.of(), Map.of("severity", 3.0), "assessor",
                            Instant.EPOCH)).toList();
                });
        assertThat(pagesRead).as("nothing read before the export starts").isEmpty();
        List<String> seen = new ArrayList<>();
        for (ExportSubject subject : data.subjects) {
            seen.add(subject.id());
            assertThat(data.find(subject.id(), "baseline", "bpi")).as(subject.id()).isNotNull()
                    .extracting(AssessmentRecord::participantId).isEqualTo(subject.id());
            assertThat(data.find(subject.id(), "week6", "bpi")).isNull();
        }
        assertThat(seen).isEqualTo(all.stream().map(ExportSubject::id).toList());
        assertThat(pagesRead).containsExactly(0L, 1L, 2L);
        assertThat(assessmentPages).extracting(List::size).containsExactly(ExportData.PAGE, ExportData.PAGE, 17);
        // The first page's assessments are gone once the iteration is past it.
        assertThat(data.find("p0", "baseline", "bpi")).isNull();
    }

    @Test
    void theUnblindedTablesAreReadAPageAtATimeOnlyWhenAskedAndNeverWhenBlinded() {
        List<List<String>> eventPages = new ArrayList<>();
        for (boolean blinded : List.of(false, true)) {
            pagesRead.clear();
            eventPages.clear();
            ExportData data = new ExportData(new StudySummary("s", "RE-MS", "RE-MS", null, List.of(), 24, null,
                    null), blinded, List.of(), List.of(), this::page, ids -> List.of(), ids -> List.of(), ids -> {
                        eventPages.add(ids);
                        return ids.stream().map(id -> new AdverseEventRecord("ae-" + id, id, new AdverseEventReport(
                                LocalDate.of(2026, 2, 1), "Fell", null, 1, false,
                                AdverseEventReport.Relatedness.UNLIKELY, AdverseEventReport.Action.NONE,
                                AdverseEventReport.Outcome.ONGOING, null), false, Instant.EPOCH)).toList();
                    }, ids -> {
                        throw new AssertionError("adherence was not asked for");
                    }, ids -> {
                        throw new AssertionError("calls were not asked for");
                    });
            int events = 0;
            for (ExportSubject subject : data.subjects) {
                events += data.adverseEvents(subject.id()).size();
                data.adverseEvents(subject.id()).forEach(e -> assertThat(e.participantId()).isEqualTo(subject.id()));
            }
            assertThat(pagesRead).containsExactly(0L, 1L, 2L);
            if (blinded) {
                assertThat(events).isZero();
                assertThat(eventPages).as("a blinded export never reads them").isEmpty();
            } else {
                assertThat(events).isEqualTo(SUBJECTS);
                assertThat(eventPages).extracting(List::size).containsExactly(ExportData.PAGE, ExportData.PAGE, 17);
            }
        }
    }

    private SliceImpl<ExportSubject> page(Pageable pageable) {
        pagesRead.add((long) pageable.getPageNumber());
        int from = (int) pageable.getOffset();
        int to = Math.min(all.size(), from + pageable.getPageSize());
        return new SliceImpl<>(all.subList(from, to), pageable, to < all.size());
    }
}
