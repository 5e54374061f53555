package org.researchportal.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.SignInWay;

/**
 * A recorded assessment as the assessor and clinician see it, with the instrument version it was made with, who gave
 * the answers and, for a participant's own, how she was identified. It carries no arm.
 *
 * @param recordedAt when the entry was last written (a change or a query's correction moves it)
 * @param answeredAt when the answers were given: the first entry's time, which a correction does not move
 */
public record AssessmentRecord(String id, String participantId, String timepoint, String instrument,
        int instrumentVersion, LocalDate assessedOn, Map<String, String> answers, Map<String, Double> scores,
        String assessedBy,
        Instant recordedAt, Respondent respondent, @Nullable SignInWay identifiedBy, Instant answeredAt) {

    /** A staff entry (at a visit, or from a paper form). */
    public AssessmentRecord(String id, String participantId, String timepoint, String instrument,
            int instrumentVersion, LocalDate assessedOn, Map<String, String> answers, Map<String, Double> scores,
            String assessedBy, Instant recordedAt) {
        this(id, participantId, timepoint, instrument, instrumentVersion, assessedOn, answers, scores, assessedBy,
                recordedAt, Respondent.STAFF, null, recordedAt);
    }
}
