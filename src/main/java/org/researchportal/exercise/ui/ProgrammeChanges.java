package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.ui.Formats;
import org.researchportal.exercise.ExerciseManual;
import org.researchportal.exercise.ProgrammeChange;
import org.researchportal.identity.PeopleNames;

/** Every prescription and adjustment, newest first, with who made it and why. */
final class ProgrammeChanges extends Composite<Div> {

    ProgrammeChanges(List<ProgrammeChange> changes, ExerciseManual manual, PeopleNames people) {
        getContent().addClassName("card");
        var list = new UnorderedList();
        changes.reversed().forEach(c -> list.add(new ListItem(getTranslation("programme.change",
                Formats.dateTime(c.at(), CurrentUser.require().zone(), getLocale()), people.shown(c.by(), getLocale()),
                what(c, manual),
                c.reason()))));
        getContent().add(new H2(getTranslation("programme.changes")), list);
    }

    /** The template's or exercise's name from the manual, in the reader's language. */
    private String what(ProgrammeChange change, ExerciseManual manual) {
        if (change.action() == ProgrammeChange.Action.PRESCRIBED) {
            String template = manual.getTemplates().stream().filter(t -> t.code().equals(change.code())).findFirst()
                    .map(t -> t.name().in(getLocale())).orElse(change.code());
            return getTranslation(change.action().messageKey(), template);
        }
        String exercise = manual.exercise(change.code()).map(e -> e.title().in(getLocale())).orElse(change.code());
        return getTranslation(change.action().messageKey(), exercise, change.level());
    }
}
