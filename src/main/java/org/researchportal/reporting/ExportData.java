package org.researchportal.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventRecord;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.exercise.ProgrammeAdherence;
import org.researchportal.followup.FollowUpCall;
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
    /** Whether the rows name the arm: unblinded, or blinded after the database lock released the allocation. */
    final boolean armsShown;
    final List<Timepoint> schedule;
    final List<Instrument> instruments;
    /** Iterated once, in order; {@link #find} answers for the page the iteration is on. */
    final Iterable<ExportSubject> subjects;
    private final Map<String, AssessmentRecord> assessments = new HashMap<>();
    private final Map<String, MissedVisitRecord> missedVisits = new HashMap<>();
    /** The unblinded tables' sources: each read for a page only when a table asks for it. */
    private final PageTable<AdverseEventRecord> adverseEvents;
    private final PageTable<ProgrammeAdherence> adherence;
    private final PageTable<FollowUpCall> calls;
    private List<String> pageIds = List.of();

    ExportData(StudySummary study, boolean blinded, List<Timepoint> schedule, List<Instrument> instruments,
            Function<Pageable, Slice<ExportSubject>> subjectPages,
            Function<List<String>, List<AssessmentRecord>> assessmentsOf) {
        this(study, blinded, schedule, instruments, subjectPages, assessmentsOf, ids -> List.of());
    }

    ExportData(StudySummary study, boolean blinded, List<Timepoint> schedule, List<Instrument> instruments,
            Function<Pageable, Slice<ExportSubject>> subjectPages,
            Function<List<String>, List<AssessmentRecord>> assessmentsOf,
            Function<List<String>, List<MissedVisitRecord>> missedVisitsOf) {
        this(study, blinded, schedule, instruments, subjectPages, assessmentsOf, missedVisitsOf, ids -> List.of(),
                ids -> List.of(), ids -> List.of());
    }

    ExportData(StudySummary study, boolean blinded, List<Timepoint> schedule, List<Instrument> instruments,
            Function<Pageable, Slice<ExportSubject>> subjectPages,
            Function<List<String>, List<AssessmentRecord>> assessmentsOf,
            Function<List<String>, List<MissedVisitRecord>> missedVisitsOf,
            Function<List<String>, List<AdverseEventRecord>> adverseEventsOf,
            Function<List<String>, List<ProgrammeAdherence>> adherenceOf,
            Function<List<String>, List<FollowUpCall>> callsOf) {
        this(study, blinded, !blinded, schedule, instruments, subjectPages, assessmentsOf, missedVisitsOf,
                adverseEventsOf, adherenceOf, callsOf);
    }

    ExportData(StudySummary study, boolean blinded, boolean armsShown, List<Timepoint> schedule,
            List<Instrument> instruments, Function<Pageable, Slice<ExportSubject>> subjectPages,
            Function<List<String>, List<AssessmentRecord>> assessmentsOf,
            Function<List<String>, List<MissedVisitRecord>> missedVisitsOf,
            Function<List<String>, List<AdverseEventRecord>> adverseEventsOf,
            Function<List<String>, List<ProgrammeAdherence>> adherenceOf,
            Function<List<String>, List<FollowUpCall>> callsOf) {
        this.armsShown = armsShown;
        this.adverseEvents = new PageTable<>(adverseEventsOf, AdverseEventRecord::participantId);
        this.adherence = new PageTable<>(adherenceOf, ProgrammeAdherence::participantId);
        this.calls = new PageTable<>(callsOf, FollowUpCall::getParticipantId);
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
                pageIds = ids;
                adverseEvents.clear();
                adherence.clear();
                calls.clear();
                assessmentsOf.apply(ids).forEach(a -> assessments.put(
                        key(a.participantId(), a.timepoint(), a.instrument()), a));
                missedVisitsOf.apply(ids).forEach(m -> missedVisits.put(key(m.participantId(), m.timepoint(), ""),
                        m));
                return loaded;
            }
        };
    }

    /** The assessment of a subject of the current page at a timepoint with an instrument, if recorded. */
    @Nullable
    AssessmentRecord find(String subjectId, String timepoint, String instrument) {
        return assessments.get(key(subjectId, timepoint, instrument));
    }

    /** The missed or not-done decision for a subject of the current page at a timepoint, if one was recorded. */
    @Nullable
    MissedVisitRecord missed(String subjectId, String timepoint) {
        return missedVisits.get(key(subjectId, timepoint, ""));
    }

    /** The adverse events of a subject of the current page, by onset; none in a blinded export. */
    List<AdverseEventRecord> adverseEvents(String subjectId) {
        return adverseEvents.of(subjectId);
    }

    /** The programme adherence of a subject of the current page, if they have a programme; none when blinded. */
    @Nullable
    ProgrammeAdherence adherence(String subjectId) {
        List<ProgrammeAdherence> found = adherence.of(subjectId);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The follow-up calls of a subject of the current page, by number; none in a blinded export. */
    List<FollowUpCall> calls(String subjectId) {
        return calls.of(subjectId);
    }

    /** One source of the current page, read on first use and dropped with the page. */
    private final class PageTable<T> {
        private final Function<List<String>, List<T>> source;
        private final Function<T, String> subject;
        private @Nullable Map<String, List<T>> bySubject;

        PageTable(Function<List<String>, List<T>> source, Function<T, String> subject) {
            this.source = source;
            this.subject = subject;
        }

        void clear() {
            bySubject = null;
        }

        List<T> of(String subjectId) {
            if (blinded) {
                return List.of();
            }
            Map<String, List<T>> read = bySubject;
            if (read == null) {
                read = new HashMap<>();
                for (T row : source.apply(pageIds)) {
                    read.computeIfAbsent(subject.apply(row), id -> new ArrayList<>()).add(row);
                }
                bySubject = read;
            }
            return read.getOrDefault(subjectId, List.of());
        }
    }

    private static String key(String subject, String timepoint, String instrument) {
        return subject + "/" + timepoint + "/" + instrument;
    }
}
