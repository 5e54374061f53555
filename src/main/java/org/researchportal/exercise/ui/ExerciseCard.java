package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.exercise.Dosage;
import org.researchportal.exercise.DosageText;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.PictureRef;
import org.researchportal.exercise.TodayPlan;
import org.researchportal.exercise.VideoRef;

/**
 * One exercise of today's plan: its name and dosage at a glance; its video, the method, safety and stop rule when
 * opened.
 */
final class ExerciseCard extends Composite<Div> {

    private final String code;
    private final Details details;

    ExerciseCard(TodayPlan.PlannedExercise planned, ParticipantMedia media) {
        this(planned.exercise(), planned.dosage(), planned.level(), media);
    }

    /** An exercise as the manual has it, without a level: for browsing the whole manual. */
    ExerciseCard(ManualExercise exercise, ParticipantMedia media) {
        this(exercise, exercise.dosage(), null, media);
    }

    private ExerciseCard(ManualExercise exercise, Dosage dosage, @Nullable Integer level, ParticipantMedia media) {
        Locale locale = getLocale();
        String glance = DosageText.of(this::getTranslation, dosage) + (level == null ? "" : " · "
                + getTranslation("exercise.level", level)) + " · " + getTranslation(exercise.phase().messageKey())
                + " · " + getTranslation(exercise.region().messageKey());
        var summary = new Div(new H3(exercise.title().in(locale)), new Span(glance));
        summary.addClassName("exercise-summary");
        var steps = new OrderedList();
        exercise.steps().forEach(step -> steps.add(new ListItem(step.in(locale))));
        var safety = new Paragraph(getTranslation("exercise.safety") + " " + exercise.safety().in(locale));
        var stop = new Paragraph(getTranslation("exercise.stop-rule") + " " + exercise.stopRule().in(locale));
        stop.addClassName("exercise-stop-rule");
        code = exercise.code();
        details = new Details(summary);
        List<PictureRef> pictures = media.pictures(exercise.code());
        if (!pictures.isEmpty()) {
            details.add(new ExercisePictures(pictures, locale));
        }
        VideoRef video = media.video(exercise.code());
        if (video != null) {
            details.add(VideoLink.of(video, exercise.title().in(locale), media));
        }
        details.add(new Paragraph(exercise.purpose().in(locale)), steps, safety, stop);
        details.setWidthFull();
        getContent().addClassName("card");
        getContent().add(details);
    }

    String code() {
        return code;
    }

    /** Opens the card and brings it into view: where a link to this exercise's video lands. */
    void bringForward() {
        details.setOpened(true);
        getElement().executeJs("setTimeout(() => $0.scrollIntoView({block: 'start'}), 0)", getElement());
    }
}
