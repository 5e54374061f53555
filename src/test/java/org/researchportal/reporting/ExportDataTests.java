package org.researchportal.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.study.StudySummary;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;

/** An export reads its participants a page at a time, each page with its own assessments, and misses none. */
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
                    return ids.stream().map(id -> new AssessmentRecord("a-" + id, id, "baseline", "bpi",
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

    private SliceImpl<ExportSubject> page(Pageable pageable) {
        pagesRead.add((long) pageable.getPageNumber());
        int from = (int) pageable.getOffset();
        int to = Math.min(all.size(), from + pageable.getPageSize());
        return new SliceImpl<>(all.subList(from, to), pageable, to < all.size());
    }
}
