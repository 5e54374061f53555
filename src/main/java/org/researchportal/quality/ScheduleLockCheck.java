package org.researchportal.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every randomised participant's schedule must be complete before the database is locked: each timepoint they were
 * in the study for entered, or recorded as missed or not done, so the analysis never meets a gap nobody explained.
 */
@Component
@Order(40)
class ScheduleLockCheck implements DatabaseLockCheck {

    private static final Set<DueAssessment.State> SETTLED = Set.of(DueAssessment.State.DONE,
            DueAssessment.State.MISSED, DueAssessment.State.NOT_DONE);

    private final AssessmentService assessments;

    ScheduleLockCheck(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Override
    public List<LockBlocker> blockers(String studyId) {
        Map<String, List<DueAssessment>> open = new LinkedHashMap<>();
        for (DueAssessment due : assessments.worklist(studyId)) {
            if (!SETTLED.contains(due.state())) {
                open.computeIfAbsent(due.participantId(), p -> new ArrayList<>()).add(due);
            }
        }
        return open.values().stream().map(dues -> {
            DueAssessment first = dues.getFirst();
            String who = first.studyNumber() != null ? first.studyNumber() : first.displayName();
            return new LockBlocker("lock-blocker.schedule-open", List.of(who, dues.size()), first.participantId());
        }).toList();
    }
}
