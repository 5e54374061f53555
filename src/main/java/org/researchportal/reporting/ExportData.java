package org.researchportal.reporting;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * Everything one export of a study needs, read under the caller's role. The participants come a page at a time, each
 * page with its own assessments, so that an export of ten thousand participants holds one page in memory, not all.
 */
final class ExportData {

    /** Participants per page: one query for them and one for their assessments. */
    static final int PAGE = 500;

    final StudySummary study;
    final boolean blinded;
    final List<Timepoint> schedule;
    final List<Instrument> instruments;
    /** Iterated once, in order; {@link #find} answers for the page the iteration is on. */
    final Iterable<ExportSubject> subjects;
    private final Map<String, AssessmentRecord> assessments = new HashMap<>();
    private final Map<String, MissedVisitRecord> missedVisits = new HashMap<>();

    ExportData(StudySummary study, boolean blinded, List<Timepoint> schedule, List<Instrument> instruments,
            Function<Pageable, Slice<ExportSubject>> subjectPages,
            Function<List<String>, List<AssessmentRecord>> assessmentsOf) {
        this(study, blinded, schedule, instruments, subjectPages, assessmentsOf, ids -> List.of());
    }

    ExportData(StudySummary study, boolean blinded, List<Timepoint> schedule, List<Instrument> instruments,
            Function<Pageable, Slice<ExportSubject>> subjectPages,
            Function<List<String>, List<AssessmentRecord>> assessmentsOf,
            Function<List<String>, List<MissedVisitRecord>> missedVisitsOf) {
        this.study = study;
        this.blinded = blinded;
        this.schedule = schedule;
        this.instruments = instruments;
        this.subjects = () -> new Iterator<>() {
            private Slice<ExportSubject> page = load(PageRequest.of(0, PAGE));
            private Iterator<ExportSubject> onPage = page.iterator();

            @Override
            public boolean hasNext() {
                while (!onPage.hasNext() && page.hasNext()) {
                    page = load(page.nextPageable());
                    onPage = page.iterator();
                }
                return onPage.hasNext();
            }

            @Override
            public ExportSubject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return onPage.next();
            }

            private Slice<ExportSubject> load(Pageable pageable) {
                Slice<ExportSubject> loaded = subjectPages.apply(pageable);
                assessments.clear();
                missedVisits.clear();
                List<String> ids = loaded.stream().map(ExportSubject::id).toList();
                assessmentsOf.apply(ids).forEach(a -> assessments.put(
                        key(a.participantId(), a.timepoint(), a.instrument()), a));
                missedVisitsOf.apply(ids).forEach(m -> missedVisits.put(key(m.participantId(), m.timepoint(), ""),
                        m));
                return loaded;
            }
        };
    }

    /** The assessment of a subject of the current page at a timepoint with an instrument, if recorded. */
    @Nullable AssessmentRecord find(String subjectId, String timepoint, String instrument) {
        return assessments.get(key(subjectId, timepoint, instrument));
    }

    /** The missed or not-done decision for a subject of the current page at a timepoint, if one was recorded. */
    @Nullable MissedVisitRecord missed(String subjectId, String timepoint) {
        return missedVisits.get(key(subjectId, timepoint, ""));
    }

    private static String key(String subject, String timepoint, String instrument) {
        return subject + "/" + timepoint + "/" + instrument;
    }
}
