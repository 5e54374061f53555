package org.researchportal.exercise.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.exercise.ExerciseManual;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.MediaLibrary;
import org.researchportal.exercise.ParticipantProgramme;
import org.researchportal.exercise.PictureLibrary;
import org.researchportal.exercise.VideoWatching;

/** The whole exercise manual for the exercise arm, by phase, in the edition the participant's programme follows. */
@Route("my-manual")
@RolesAllowed(Roles.PARTICIPANT)
final class ManualView extends Main implements HasDynamicTitle {

    ManualView(ParticipantProgramme ownProgramme, MediaLibrary videos, PictureLibrary pictures,
            VideoWatching watching) {
        addClassNames("portal-view", "participant-home");
        add(new ViewToolbar(getTranslation("manual.title")));
        ExerciseManual manual;
        try {
            manual = ownProgramme.myManual();
        } catch (NotFoundException noProgramme) {
            var notice = new Paragraph(getTranslation("exercise.no-programme"));
            notice.addClassName("portal-notice");
            add(notice);
            return;
        }
        try {
            ownProgramme.noteManualOpened();
        } catch (ValidationException locked) {
            // A locked study keeps what she read as it was; she still reads her manual.
        }
        var media = new ParticipantMedia(videos, pictures, watching);
        for (ManualExercise.Phase phase : ManualExercise.Phase.values()) {
            var exercises = manual.getExercises().stream().filter(e -> e.phase() == phase).toList();
            if (!exercises.isEmpty()) {
                add(new H2(getTranslation(phase.messageKey())));
                exercises.forEach(e -> add(new ExerciseCard(e, media)));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("manual.title");
    }
}
