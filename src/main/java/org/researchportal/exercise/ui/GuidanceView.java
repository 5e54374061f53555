package org.researchportal.exercise.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.GuidancePage;

/** The standard guidance of the participant's study, for both arms: one page per topic, opened one at a time. */
@Route("guidance")
@RolesAllowed(Roles.PARTICIPANT)
final class GuidanceView extends Main implements HasDynamicTitle {

    GuidanceView(ExerciseManuals manuals) {
        addClassNames("portal-view", "participant-home");
        add(new ViewToolbar(getTranslation("guidance.title")));
        var pages = manuals.myGuidance();
        if (pages.isEmpty()) {
            var notice = new Paragraph(getTranslation("guidance.none"));
            notice.addClassName("portal-notice");
            add(notice);
        }
        for (GuidancePage page : pages) {
            var body = new Div();
            // Paragraphs of the manual are separated by blank lines.
            for (String paragraph : page.body().in(getLocale()).split("\\n\\s*\\n")) {
                body.add(new Paragraph(paragraph.strip()));
            }
            var details = new Details(page.title().in(getLocale()), body);
            details.setWidthFull();
            var card = new Div(details);
            card.addClassName("card");
            add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guidance.title");
    }
}
