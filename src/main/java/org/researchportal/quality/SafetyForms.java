package org.researchportal.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventRow;
import org.researchportal.assessments.BlindedAdverseEvent;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.followup.CallAnswers;
import org.researchportal.followup.CounsellingTopic;
import org.researchportal.followup.FollowUpCall;
import org.researchportal.followup.OutsideExerciseKind;
import org.researchportal.followup.SideEffect;

/**
 * Adverse events and follow-up calls in words. Items are AdverseEventReport's and CallAnswers' component names, as
 * their services name them when they change.
 */
final class SafetyForms {

    private final String studyId;
    private final String participantId;
    private final AnswerWords words;

    SafetyForms(String studyId, String participantId, AnswerWords words) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.words = words;
    }

    /** What a blinded monitor reads of an event: nothing of its description, relatedness or action. */
    FormView blinded(BlindedAdverseEvent event) {
        List<FormView.Field> fields = new ArrayList<>();
        fields.add(field("onset", "ae.onset", words.date(event.onset())));
        fields.add(field("grade", "ae.grade", grade(event.grade())));
        fields.add(field("serious", "ae.serious", words.yesNo(event.serious())));
        fields.add(field("outcome", "ae.outcome", words.text(event.outcome().messageKey())));
        fields.add(field("resolvedOn", "ae.resolved-on", words.date(event.resolvedOn())));
        return new FormView(ClinicalForm.adverseEvent(studyId, participantId, event.id()), title(event.onset()), "",
                fields);
    }

    /** The whole event, as the clinicians read it on the participant's record. */
    FormView unblinded(AdverseEventRow event) {
        AdverseEventReport report = event.report();
        List<FormView.Field> fields = new ArrayList<>();
        fields.add(field("onset", "ae.onset", words.date(report.onset())));
        fields.add(field("description", "ae.description", report.description()));
        if (report.bodySite() != null) {
            fields.add(field("bodySite", "ae.body-site", report.bodySite()));
        }
        fields.add(field("grade", "ae.grade", grade(report.grade())));
        fields.add(field("serious", "ae.serious", words.yesNo(report.serious())));
        if (report.relatedness() != null) {
            fields.add(field("relatedness", "ae.relatedness", words.text(report.relatedness().messageKey())));
        }
        fields.add(field("action", "ae.action", words.text(report.action().messageKey())));
        fields.add(field("outcome", "ae.outcome", words.text(report.outcome().messageKey())));
        fields.add(field("resolvedOn", "ae.resolved-on", words.date(report.resolvedOn())));
        return new FormView(ClinicalForm.adverseEvent(studyId, participantId, event.id()), title(report.onset()),
                words.text("data.reported-by", words.person(event.reportedBy()), words.time(event.reportedAt())),
                fields);
    }

    /** A completed call's answers: only the questions its script asked. */
    FormView call(FollowUpCall call) {
        CallAnswers a = Objects.requireNonNull(call.getAnswers());
        List<FormView.Field> fields = new ArrayList<>();
        if (a.takingAromataseInhibitor() != null) {
            fields.add(field("takingAromataseInhibitor", "call.question.aromatase-inhibitor",
                    words.yesNo(a.takingAromataseInhibitor())));
        }
        optional(fields, "missedDoses", "call.missed-doses", a.missedDoses());
        if (!a.sideEffects().isEmpty()) {
            fields.add(field("sideEffects", "call.question.side-effects",
                    words.list(a.sideEffects().stream().map(SideEffect::messageKey).toList())));
        }
        optional(fields, "concerns", "call.concerns-about-therapy", a.concerns());
        optional(fields, "jointPain", "call.question.joint-pain", a.jointPain());
        optional(fields, "exerciseSessions", "call.question.exercise", a.exerciseSessions());
        if (a.outsideExercise() != null) {
            fields.add(field("outsideExercise", "call.question.outside-exercise", words.yesNo(a.outsideExercise())));
        }
        if (!a.outsideExerciseKinds().isEmpty()) {
            fields.add(field("outsideExerciseKinds", "contamination.kinds", words.list(a.outsideExerciseKinds()
                    .stream().map(OutsideExerciseKind::messageKey).toList())));
        }
        optional(fields, "outsideExerciseMinutes", "contamination.minutes", a.outsideExerciseMinutes());
        if (a.newHealthProblem() != null) {
            fields.add(field("newHealthProblem", "call.question.new-health-problems",
                    words.yesNo(a.newHealthProblem())));
        }
        optional(fields, "newHealthProblemDetail", "call.health-problem-detail", a.newHealthProblemDetail());
        if (!a.topics().isEmpty()) {
            fields.add(field("topics", "call.question.counselling",
                    words.list(a.topics().stream().map(CounsellingTopic::messageKey).toList())));
        }
        fields.add(field("concernFlagged", "call.concern-flagged", words.yesNo(a.concernFlagged())));
        optional(fields, "concernDetail", "call.concern-detail", a.concernDetail());
        return new FormView(ClinicalForm.followUpCall(studyId, participantId, call.requireId()), words.text(
                "call.number-short", call.getNumber(), words.date(call.getDueOn())), words.text(call.getStatus()
                        .messageKey()), fields);
    }

    private String title(@Nullable LocalDate onset) {
        return words.text("data.adverse-event.title", words.date(onset));
    }

    private String grade(@Nullable Integer grade) {
        return grade == null ? words.number(null) : words.text("ae.grade." + grade);
    }

    private void optional(List<FormView.Field> fields, String item, String labelKey, @Nullable Object value) {
        if (value != null) {
            fields.add(field(item, labelKey, value.toString()));
        }
    }

    private FormView.Field field(String item, String labelKey, String shown) {
        return new FormView.Field(item, words.text(labelKey), shown);
    }
}
