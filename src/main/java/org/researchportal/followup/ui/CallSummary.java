package org.researchportal.followup.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.MarksBeside;
import org.researchportal.followup.CallAnswers;
import org.researchportal.followup.CallAttempt;
import org.researchportal.followup.FollowUpCall;
import org.researchportal.identity.PeopleNames;

/** What a call found and how its attempts went, in words: the last call at a glance, and a call's history. */
final class CallSummary extends Composite<UnorderedList> {

    CallSummary(FollowUpCall call, java.time.ZoneId zone, PeopleNames people) {
        this(call, zone, people, null);
    }

    /** With what the data-quality features mark on each answer (a query), beside its line. */
    CallSummary(FollowUpCall call, java.time.ZoneId zone, PeopleNames people, @Nullable FormMarkings markings) {
        UnorderedList list = getContent();
        ClinicalForm form = ClinicalForm.followUpCall(call.getStudyId(), call.getParticipantId(), call.requireId());
        Function<List<String>, List<Component>> marksOf = fields -> markings == null ? List.of()
                : fields.stream().flatMap(f -> markings.forField(form.item(f)).stream()).toList();
        list.addClassName("call-summary");
        CallAnswers a = call.getAnswers();
        if (a != null) {
            if (a.takingAromataseInhibitor() != null) {
                list.add(marked(marksOf.apply(List.of("takingAromataseInhibitor", "missedDoses")), new ListItem(
                        getTranslation("call.question.aromatase-inhibitor") + " " + getTranslation(
                                a.takingAromataseInhibitor() ? "call.yes" : "call.no") + (a.missedDoses() == null ? ""
                                        : " · " + getTranslation("call.missed-doses") + " " + a.missedDoses()))));
            }
            if (!a.sideEffects().isEmpty() || a.concerns() != null) {
                list.add(marked(marksOf.apply(List.of("sideEffects", "concerns")), new ListItem(getTranslation(
                        "call.question.side-effects") + " " + a.sideEffects().stream()
                                .map(e -> getTranslation(e.messageKey())).sorted().collect(Collectors.joining(", "))
                        + (a.concerns() == null ? "" : " · " + a.concerns()))));
            }
            if (a.jointPain() != null) {
                list.add(marked(marksOf.apply(List.of("jointPain")), new ListItem(getTranslation(
                        "call.question.joint-pain") + " " + a.jointPain())));
            }
            if (a.exerciseSessions() != null) {
                list.add(marked(marksOf.apply(List.of("exerciseSessions")), new ListItem(getTranslation(
                        "call.question.exercise") + " " + a.exerciseSessions())));
            }
            if (a.outsideExercise() != null) {
                list.add(marked(marksOf.apply(List.of("outsideExercise", "outsideExerciseKinds",
                        "outsideExerciseMinutes")), new ListItem(getTranslation("call.question.outside-exercise") + " "
                                + getTranslation(a.outsideExercise() ? "call.yes" : "call.no")
                                + (a.outsideExerciseMinutes() == null ? ""
                                        : " · " + getTranslation("contamination.minutes-shown",
                                                a.outsideExerciseMinutes()))
                                + (a.outsideExerciseKinds().isEmpty() ? ""
                                        : " · " + a.outsideExerciseKinds().stream()
                                                .map(k -> getTranslation(k.messageKey())).sorted()
                                                .collect(Collectors.joining(", "))))));
            }
            if (a.newHealthProblem() != null) {
                list.add(marked(marksOf.apply(List.of("newHealthProblem", "newHealthProblemDetail")), new ListItem(
                        getTranslation("call.question.new-health-problems") + " " + getTranslation(
                                a.newHealthProblem() ? "call.yes" : "call.no") + (a.newHealthProblemDetail() == null
                                        ? ""
                                        : " · " + a.newHealthProblemDetail()))));
            }
            if (!a.topics().isEmpty()) {
                list.add(marked(marksOf.apply(List.of("topics")), new ListItem(getTranslation(
                        "call.question.counselling") + " " + a.topics().stream()
                                .map(t -> getTranslation(t.messageKey())).sorted().collect(Collectors.joining(", ")))));
            }
            if (a.concernFlagged()) {
                list.add(marked(marksOf.apply(List.of("concernFlagged", "concernDetail")), new ListItem(getTranslation(
                        "call.concern-flagged") + ": " + Formats.text(a.concernDetail()))));
            }
        }
        for (CallAttempt attempt : call.getAttempts()) {
            list.add(new ListItem(Formats.dateTime(attempt.at(), zone, getLocale()) + " · "
                    + people.shown(attempt.by(), getLocale()) + " · "
                    + getTranslation(attempt.outcome().messageKey()) + (attempt.callBackAt() == null ? ""
                            : " → " + Formats.dateTime(attempt.callBackAt(), zone, getLocale()))
                    + (attempt.notes() == null ? "" : " · " + attempt.notes())));
        }
    }

    private static ListItem marked(List<Component> marks, ListItem line) {
        if (!marks.isEmpty()) {
            line.add(MarksBeside.row(marks));
        }
        return line;
    }

    /** Who made the calls' attempts, to name them all with one look-up. */
    static List<String> callers(Collection<FollowUpCall> calls) {
        return calls.stream().flatMap(c -> c.getAttempts().stream()).map(CallAttempt::by).distinct().toList();
    }
}
