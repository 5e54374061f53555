package org.researchportal.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.Instrument;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;

/** Everything one export of a study needs, read once under the caller's role. */
final class ExportData {

    final StudySummary study;
    final boolean blinded;
    final List<Timepoint> schedule;
    final List<Instrument> instruments;
    final List<ExportSubject> subjects;
    private final Map<String, AssessmentRecord> assessments = new HashMap<>();

    ExportData(StudySummary study, boolean blinded, List<Timepoint> schedule, List<Instrument> instruments,
            List<ExportSubject> subjects, List<AssessmentRecord> assessments) {
        this.study = study;
        this.blinded = blinded;
        this.schedule = schedule;
        this.instruments = instruments;
        this.subjects = subjects;
        assessments.forEach(a -> this.assessments.put(key(a.participantId(), a.timepoint(), a.instrument()), a));
    }

    /** The assessment of a subject at a timepoint with an instrument, if recorded. */
    @Nullable AssessmentRecord find(String subjectId, String timepoint, String instrument) {
        return assessments.get(key(subjectId, timepoint, instrument));
    }

    private static String key(String subject, String timepoint, String instrument) {
        return subject + "/" + timepoint + "/" + instrument;
    }
}
