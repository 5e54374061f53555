package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import org.researchportal.base.security.CurrentUser;
import java.util.List;
import org.researchportal.base.ui.Formats;
import org.researchportal.exercise.ProgrammeChange;

/** Every prescription and adjustment, newest first, with who made it and why. */
final class ProgrammeChanges extends Composite<Div> {

    ProgrammeChanges(List<ProgrammeChange> changes) {
        getContent().addClassName("card");
        var list = new UnorderedList();
        changes.reversed().forEach(c -> list.add(new ListItem(getTranslation("programme.change",
                Formats.dateTime(c.at(), CurrentUser.require().zone(), getLocale()), c.by(), c.what(), c.reason()))));
        getContent().add(new H2(getTranslation("programme.changes")), list);
    }
}
