package org.researchportal.demo;

import java.util.List;
import org.researchportal.assessments.ArmGuessRecord;
import org.researchportal.assessments.ArmGuesses;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;
import org.springframework.stereotype.Component;

/**
 * The assessors' guesses of the group on the demo, as the visit page takes them: for every follow-up timepoint with
 * an instrument recorded and no guess yet, one guess, made as a blinded assessor makes it, without the arm (most "don't
 * know", the rest naming the arms in turn). Run as the assessor, after the demo's follow-up assessments are recorded;
 * without any it records nothing.
 */
@Component
class DemoBlindingGuesses {

    private final StudyService studies;
    private final AssessmentService assessments;
    private final ArmGuesses guesses;

    DemoBlindingGuesses(StudyService studies, AssessmentService assessments, ArmGuesses guesses) {
        this.studies = studies;
        this.assessments = assessments;
        this.guesses = guesses;
    }

    void seed() {
        for (StudySummary study : studies.studies()) {
            List<Timepoint> schedule = studies.schedule(study.id());
            List<String> arms = study.arms().stream().map(Arm::code).toList();
            if (schedule.isEmpty() || arms.isEmpty()) {
                continue;
            }
            int turn = 0;
            for (DueAssessment due : assessments.worklist(study.id())) {
                if (due.timepoint().equals(schedule.getFirst().code()) || due.instrumentsDone() == 0
                        || guesses.guessOf(due.participantId(), due.timepoint()).isPresent()) {
                    continue;
                }
                String guess = turn % 2 == 0 ? ArmGuessRecord.DONT_KNOW : arms.get(turn / 2 % arms.size());
                guesses.guess(due.participantId(), due.timepoint(), guess, null);
                turn++;
            }
        }
    }
}
