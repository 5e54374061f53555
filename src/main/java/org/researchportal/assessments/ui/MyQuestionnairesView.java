package org.researchportal.assessments.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.researchportal.assessments.MyQuestionnaire;
import org.researchportal.assessments.QuestionnaireAnswers;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.ViewToolbar;

/**
 * One timepoint's questionnaires for the participant (where her invitation's link lands): each to start, continue or
 * read once sent. A timepoint that is not hers is "not found".
 */
@Route("my-questionnaires/:timepoint")
@RolesAllowed(Roles.PARTICIPANT)
final class MyQuestionnairesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final QuestionnaireAnswers answers;
    private String title = "";

    MyQuestionnairesView(QuestionnaireAnswers answers) {
        this.answers = answers;
        addClassNames("portal-view", "participant-home", "my-questionnaires");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String timepoint = event.getRouteParameters().get("timepoint").orElse("");
        List<MyQuestionnaire> these = answers.mine().stream().filter(q -> q.due().timepoint().equals(timepoint))
                .toList();
        if (these.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        title = getTranslation("questionnaires.timepoint-title", these.getFirst().due().timepointLabel(getLocale()));
        var card = new Div();
        card.addClassNames("card", "questionnaires-card");
        var zone = CurrentUser.require().zone();
        these.forEach(q -> card.add(new QuestionnaireRow(q, zone)));
        var home = new Anchor("my-study", getTranslation("questionnaires.back"));
        home.addClassName("big-link");
        add(new ViewToolbar(title), card, home);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
