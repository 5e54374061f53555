package org.researchportal.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.AnalysedParticipants;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The safety report by arm for the data monitoring committee ({@link SafetyReport}): the adverse events of everyone
 * randomised, by grade, seriousness and relatedness, with rates per exposure. For the unblinded statistician and the
 * clinician; it writes nothing.
 */
@Service
public class SafetyReports {

    private final AnalysedParticipants participants;
    private final AdverseEventService adverseEvents;
    private final StudyService studies;
    private final Clock clock;

    SafetyReports(AnalysedParticipants participants, AdverseEventService adverseEvents, StudyService studies,
            Clock clock) {
        this.participants = participants;
        this.adverseEvents = adverseEvents;
        this.studies = studies;
        this.clock = clock;
    }

    /** The study's safety report as of today where the reader is. Another tenant's study is not found. */
    @ShowsArms
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public SafetyReport report(String studyId) {
        List<AnalysedParticipant> randomised = participants.randomised(studyId);
        List<String> arms = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId)).arms()
                .stream().map(Arm::code).toList();
        LocalDate today = LocalDate.now(clock.withZone(CurrentUser.require().zone()));
        return SafetyReport.of(arms, randomised, adverseEvents.ofStudy(studyId), today);
    }
}
