package org.researchportal.demo;

import java.util.List;
import java.util.Set;
import org.researchportal.followup.CallAnswers;
import org.researchportal.followup.CallEntry;
import org.researchportal.followup.CallOutcome;
import org.researchportal.followup.CallPlanning;
import org.researchportal.followup.CallQuestion;
import org.researchportal.followup.CallRecords;
import org.researchportal.followup.CallRow;
import org.researchportal.followup.CallScript;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.CounsellingTopic;
import org.researchportal.followup.FollowUpPlanSettings;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.followup.OutsideExerciseKind;
import org.researchportal.followup.SideEffect;
import org.researchportal.followup.Urgency;
import org.researchportal.followup.WorklistFilter;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.stereotype.Component;

/**
 * RE-MS's telephone follow-ups: monthly calls about endocrine-therapy side effects for the control arm (as the
 * protocol states) and monthly adherence-and-safety calls for the exercise arm, three each over the 12 weeks. The
 * calls whose window has passed are recorded as a coordinator would have, so the dashboard has a history; one
 * concern and one possible adverse event (a fall) wait for the clinicians.
 */
@Component
class DemoCalls {

    static FollowUpPlanSettings controlPlan() {
        return new FollowUpPlanSettings(1, 1, 3, 7, 3, 4, new CallScript(
                "Hello, this is the RE-MS study team with your monthly call. We would like to ask how you are getting "
                        + "on with your endocrine therapy and whether anything worries you.",
                "您好，这里是 RE-MS 研究团队的每月电话随访。想了解一下您内分泌治疗的情况，以及是否有任何担心的问题。",
                List.of(CallQuestion.AROMATASE_INHIBITOR, CallQuestion.SIDE_EFFECTS, CallQuestion.JOINT_PAIN,
                        CallQuestion.OUTSIDE_EXERCISE, CallQuestion.NEW_HEALTH_PROBLEMS, CallQuestion.COUNSELLING)));
    }

    static FollowUpPlanSettings exercisePlan() {
        return new FollowUpPlanSettings(1, 1, 3, 7, 3, 4, new CallScript(
                "Hello, this is the RE-MS study team with your monthly check on the home exercise programme. It takes "
                        + "about ten minutes.",
                "您好，这里是 RE-MS 研究团队，打电话了解您居家运动方案的进展，大约需要十分钟。",
                List.of(CallQuestion.AROMATASE_INHIBITOR, CallQuestion.JOINT_PAIN, CallQuestion.EXERCISE,
                        CallQuestion.OUTSIDE_EXERCISE, CallQuestion.NEW_HEALTH_PROBLEMS, CallQuestion.SIDE_EFFECTS)));
    }

    private final FollowUpPlans plans;
    private final CallPlanning planning;
    private final CallWorklist worklist;
    private final CallRecords records;
    private final StudyService studies;

    DemoCalls(FollowUpPlans plans, CallPlanning planning, CallWorklist worklist, CallRecords records,
            StudyService studies) {
        this.plans = plans;
        this.planning = planning;
        this.worklist = worklist;
        this.records = records;
        this.studies = studies;
    }

    /** Needs the tenant administrator (the plans) and a coordinator (the calls). */
    void seed() {
        StudySummary study = studies.studies().stream().filter(s -> s.acronym().equals("RE-MS")).findFirst()
                .orElse(null);
        if (study == null || !plans.plans(study.id()).isEmpty()) {
            return;
        }
        plans.configure(study.id(), "CONTROL", controlPlan());
        plans.configure(study.id(), "EXERCISE", exercisePlan());
        planning.planCalls();
        int n = 0;
        for (CallRow row : worklist.worklist(WorklistFilter.OPEN)) {
            if (row.urgency() != Urgency.OVERDUE) {
                continue;
            }
            n++;
            String id = row.callId();
            if (n % 5 == 4) {
                // Three unanswered attempts: the call is missed.
                for (int attempt = 0; attempt < 3; attempt++) {
                    long version = worklist.context(id).call().getVersion();
                    records.recordAttempt(id, new CallEntry(CallOutcome.NO_ANSWER, null, null, null, version));
                }
                continue;
            }
            boolean exercise = row.participant().armCode().equals("EXERCISE");
            boolean worried = n == 2;
            boolean fell = n == 3;
            // Exercise outside the study: half the control arm walk, dance or do yoga; a few of the exercise arm walk too.
            boolean outside = exercise ? n % 4 == 1 : n % 2 == 0;
            var answers = new CallAnswers(true, n % 3 == 0 ? 2 : 0, worried ? Set.of(SideEffect.JOINT_PAIN,
                    SideEffect.STIFFNESS) : Set.of(SideEffect.HOT_FLUSHES), worried
                            ? "Morning stiffness in both hands; wonders whether to stop the tablets" : null,
                    worried ? 6 : 2 + n % 3, exercise ? 8 + n % 5 : null, fell,
                    fell ? "Slipped at home last week and bruised her right wrist; no doctor seen yet" : null,
                    exercise ? Set.of() : Set.of(CounsellingTopic.ENDOCRINE_THERAPY, CounsellingTopic.ADHERENCE),
                    worried, worried ? "Thinking of stopping letrozole because of joint pain: please review" : null,
                    outside, outside ? outsideKinds(n, exercise) : Set.of(), outside ? (exercise ? 30 : 60 + 15 * (n
                            % 5)) : null);
            long version = worklist.context(id).call().getVersion();
            records.recordAttempt(id, new CallEntry(CallOutcome.COMPLETED, answers, null,
                    worried ? "Advised not to stop without speaking to the clinic" : null, version));
        }
    }

    private static Set<OutsideExerciseKind> outsideKinds(int n, boolean exercise) {
        if (exercise) {
            return Set.of(OutsideExerciseKind.WALKING);
        }
        return switch (n % 3) {
            case 0 -> Set.of(OutsideExerciseKind.WALKING);
            case 1 -> Set.of(OutsideExerciseKind.MIND_BODY, OutsideExerciseKind.WALKING);
            default -> Set.of(OutsideExerciseKind.DANCE);
        };
    }
}
