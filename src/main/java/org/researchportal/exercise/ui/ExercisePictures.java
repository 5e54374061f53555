package org.researchportal.exercise.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import java.util.List;
import java.util.Locale;
import org.researchportal.exercise.PictureRef;

/** An exercise's pictures side by side (stacked on a phone), each described in words for screen readers. */
final class ExercisePictures extends Div {

    ExercisePictures(List<PictureRef> pictures, Locale locale) {
        addClassName("exercise-pictures");
        for (PictureRef picture : pictures) {
            var image = new Image(picture.path(), picture.description().in(locale));
            image.setTitle(picture.description().in(locale));
            image.getElement().setAttribute("loading", "lazy");
            add(image);
        }
    }
}
