package org.researchportal.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.participants.AllocationCount;
import org.researchportal.participants.EnrolmentCounts;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.Arm;
import org.researchportal.study.EligibilityCriterion;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The live CONSORT flow of a study, for unblinded clinicians. */
@Service
public class ConsortService {

    private final EnrolmentCounts participants;
    private final ScreeningService screening;
    private final AssessmentService assessments;
    private final StudyService studies;

    ConsortService(EnrolmentCounts participants, ScreeningService screening, AssessmentService assessments,
            StudyService studies) {
        this.participants = participants;
        this.screening = screening;
        this.assessments = assessments;
        this.studies = studies;
    }

    /** Counted by the database, not by reading the participants: it costs the same for 24 or 10,000 of them. */
    @ShowsArms
    @Secured(Authorities.CLINICIAN)
    public ConsortFlow flow(String studyId) {
        StudySummary study = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        List<AllocationCount> counts = participants.allocationCounts(studyId);
        Map<String, Long> followedUp = participants.countByArm(studyId, assessments.participantsWithFollowUp(studyId));
        long awaiting = count(counts, ParticipantStatus.SCREENED, null);
        long notEligible = count(counts, ParticipantStatus.NOT_ELIGIBLE, null);
        long declined = count(counts, ParticipantStatus.WITHDRAWN, null);
        long eligible = count(counts, ParticipantStatus.ELIGIBLE, null);
        List<ConsortFlow.ArmFlow> arms = new ArrayList<>();
        for (Arm arm : study.arms()) {
            arms.add(new ConsortFlow.ArmFlow(arm.name(), counts.stream().filter(c -> arm.code().equals(c.armCode()))
                    .mapToLong(AllocationCount::count).sum(), count(counts, ParticipantStatus.LOST_TO_FOLLOW_UP,
                            arm.code()), count(counts, ParticipantStatus.WITHDRAWN, arm.code()),
                    followedUp.getOrDefault(arm.code(), 0L)));
        }
        Map<String, Long> failures = screening.screenFailures(studyId);
        List<ConsortFlow.Exclusion> reasons = new ArrayList<>();
        for (EligibilityCriterion criterion : studies.eligibilityModel(studyId).criteria()) {
            long excluded = failures.getOrDefault(criterion.code(), 0L);
            if (excluded > 0) {
                reasons.add(new ConsortFlow.Exclusion(criterion.code(),
                        criterion.kind() == EligibilityCriterion.Kind.INCLUSION, criterion.text(), criterion.textZh(),
                        excluded));
            }
        }
        long all = counts.stream().mapToLong(AllocationCount::count).sum();
        long allocated = counts.stream().filter(c -> c.armCode() != null).mapToLong(AllocationCount::count).sum();
        return new ConsortFlow(all - awaiting, awaiting, notEligible, reasons, declined, eligible, allocated, arms);
    }

    /** Those with the status in the arm, or never allocated when the arm is {@code null}. */
    private static long count(List<AllocationCount> counts, ParticipantStatus status, @Nullable String armCode) {
        return counts.stream().filter(c -> c.status() == status && Objects.equals(c.armCode(), armCode))
                .mapToLong(AllocationCount::count).sum();
    }
}
