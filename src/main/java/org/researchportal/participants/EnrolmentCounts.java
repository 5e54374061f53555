package org.researchportal.participants;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.study.StudySummary;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * How many participants a study holds, by status and arm, counted by the database: the clinician's enrolment figures,
 * the CONSORT diagram's boxes, and the status-only counts a blinded assessor may know.
 */
@Service
public class EnrolmentCounts {

    private final ParticipantTallies tallies;
    private final ParticipantReads reads;

    EnrolmentCounts(ParticipantTallies tallies, ParticipantReads reads) {
        this.tallies = tallies;
        this.reads = reads;
    }

    /** Participants by status and arm, and enrolment against the target. */
    @ShowsArms
    @Secured(Authorities.CLINICIAN)
    public StudyProgress progress(String studyId) {
        StudySummary study = reads.requireStudy(studyId);
        Map<ParticipantStatus, Long> byStatus = tallies.byStatus(studyId);
        Map<String, Long> byArm = new LinkedHashMap<>();
        study.arms().forEach(arm -> byArm.put(arm.name(), 0L));
        tallies.byArm(studyId).forEach((armCode, count) -> study.arms().stream()
                .filter(a -> a.code().equals(armCode)).findFirst().ifPresent(arm -> byArm.put(arm.name(), count)));
        return new StudyProgress(byStatus, byArm, byStatus.getOrDefault(ParticipantStatus.ENROLLED, 0L),
                study.targetEnrolment());
    }

    /** Participants by status and arm, counted by the database: the CONSORT diagram reads no participant. */
    @ShowsArms
    @Secured(Authorities.CLINICIAN)
    public List<AllocationCount> allocationCounts(String studyId) {
        reads.requireStudy(studyId);
        return tallies.byStatusAndArm(studyId);
    }

    /** How many of these participants of a study each arm holds, by arm code. */
    @ShowsArms
    @Secured(Authorities.CLINICIAN)
    public Map<String, Long> countByArm(String studyId, Collection<String> participantIds) {
        reads.requireStudy(studyId);
        return tallies.byArm(studyId, participantIds);
    }

    /** Participants by status only: what a blinded assessor may know of enrolment. */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public Map<ParticipantStatus, Long> statusCounts(String studyId) {
        reads.requireStudy(studyId);
        return tallies.byStatus(studyId);
    }
}
