package org.researchportal.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.participants.ParticipantRow;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The live CONSORT flow of a study, for unblinded clinicians. */
@Service
public class ConsortService {

    private final ParticipantService participants;
    private final ScreeningService screening;
    private final AssessmentService assessments;
    private final StudyService studies;

    ConsortService(ParticipantService participants, ScreeningService screening, AssessmentService assessments,
            StudyService studies) {
        this.participants = participants;
        this.screening = screening;
        this.assessments = assessments;
        this.studies = studies;
    }

    @Secured(Authorities.CLINICIAN)
    public ConsortFlow flow(String studyId) {
        StudySummary study = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        List<ParticipantRow> all = participants.participants(studyId, Pageable.unpaged()).getContent();
        Set<String> followedUp = assessments.participantsWithFollowUp(studyId);
        long awaiting = count(all, ParticipantStatus.SCREENED, false);
        long notEligible = count(all, ParticipantStatus.NOT_ELIGIBLE, false);
        long declined = count(all, ParticipantStatus.WITHDRAWN, false);
        long eligible = count(all, ParticipantStatus.ELIGIBLE, false);
        List<ConsortFlow.ArmFlow> arms = new ArrayList<>();
        for (Arm arm : study.arms()) {
            List<ParticipantRow> allocated = all.stream().filter(p -> arm.name().equals(p.armName())).toList();
            arms.add(new ConsortFlow.ArmFlow(arm.name(), allocated.size(),
                    count(allocated, ParticipantStatus.LOST_TO_FOLLOW_UP, true),
                    count(allocated, ParticipantStatus.WITHDRAWN, true),
                    allocated.stream().filter(p -> followedUp.contains(p.id())).count()));
        }
        Map<String, Long> reasons = new LinkedHashMap<>(screening.screenFailures(studyId));
        reasons.values().removeIf(n -> n == 0);
        return new ConsortFlow(all.size() - awaiting, awaiting, notEligible, reasons, declined, eligible,
                all.stream().filter(p -> p.armName() != null).count(), arms);
    }

    private static long count(List<ParticipantRow> rows, ParticipantStatus status, boolean allocated) {
        return rows.stream().filter(p -> p.status() == status && (p.armName() != null) == allocated).count();
    }
}
