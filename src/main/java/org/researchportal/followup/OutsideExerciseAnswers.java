package org.researchportal.followup;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.study.StudyService;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * What the completed calls of a study answered about exercise outside the study, for the contamination report. Which
 * calls ask it is the arm's script, so the answers reveal the arms: unblinded readers only.
 */
@Service
public class OutsideExerciseAnswers {

    private final FollowUpCallRecords calls;
    private final StudyService studies;

    OutsideExerciseAnswers(FollowUpCallRecords calls, StudyService studies) {
        this.calls = calls;
        this.studies = studies;
    }

    /** Every completed call of the study whose script asked, by participant and call number. */
    @ShowsArms
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public List<OutsideExerciseAnswer> answers(String studyId) {
        studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        return calls.callsOfStudy(studyId).stream()
                .filter(c -> c.getStatus() == CallStatus.COMPLETED && c.getAnswers() != null
                        && c.getAnswers().outsideExercise() != null)
                .map(c -> {
                    CallAnswers a = Objects.requireNonNull(c.getAnswers());
                    boolean yes = Boolean.TRUE.equals(a.outsideExercise());
                    return new OutsideExerciseAnswer(c.getParticipantId(), c.requireId(), c.getNumber(),
                            c.getDueOn(), yes, yes ? a.outsideExerciseKinds() : Set.of(),
                            yes ? a.outsideExerciseMinutes() : null);
                })
                .sorted(Comparator.comparing(OutsideExerciseAnswer::participantId)
                        .thenComparingInt(OutsideExerciseAnswer::callNumber))
                .toList();
    }
}
