package org.researchportal.participants;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.study.Arm;
import org.researchportal.study.StudySummary;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The randomised participants of a study with their arms, for the reports by arm (blinding index, adherence,
 * contamination, safety, outcomes, CERT). Unblinded readers only: the statistician, the clinician and the therapist
 * (who delivers the exercise and reports it by CERT).
 */
@Service
public class AnalysedParticipants {

    private final ParticipantRecords records;
    private final ParticipantReads reads;

    AnalysedParticipants(ParticipantRecords records, ParticipantReads reads) {
        this.records = records;
        this.reads = reads;
    }

    /** Every participant of the study ever randomised, by study number, whatever became of them. */
    @ShowsArms
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN, Authorities.THERAPIST})
    public List<AnalysedParticipant> randomised(String studyId) {
        StudySummary study = reads.requireStudy(studyId);
        return records.ofStudy(studyId).stream()
                .filter(p -> p.getArmCode() != null && ParticipantStatus.AFTER_ENROLMENT.contains(p.getStatus()))
                .map(p -> analysed(p, study)).flatMap(Optional::stream)
                .sorted(Comparator.comparing(AnalysedParticipant::label)).toList();
    }

    private static Optional<AnalysedParticipant> analysed(Participant p, StudySummary study) {
        Optional<Arm> arm = study.arms().stream().filter(a -> a.code().equals(p.getArmCode())).findFirst();
        if (arm.isEmpty()) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(p.getTimeZone());
        LocalDate randomisedOn = p.getRandomisation() != null
                ? p.getRandomisation().at().atZone(zone).toLocalDate()
                : p.getEnrolledOn() != null ? p.getEnrolledOn() : p.getScreenedOn();
        return Optional.of(new AnalysedParticipant(p.requireId(), p.getStudyNumber(), arm.get().code(),
                arm.get().kind(), randomisedOn, p.getStatus(), ParticipantReads.leftOn(p), p.getTimeZone()));
    }
}
