package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.researchportal.base.ui.Formats;
import org.researchportal.exercise.TodayPlan;

/** Whether today is an exercise day, whether it is logged, and the button to log it. */
final class TodayCard extends Composite<Div> {

    /** With safety advice showing, a session logged today is not praised: the participant is told to stop and rest. */
    TodayCard(TodayPlan plan, boolean safetyAdvice, Runnable logSession) {
        getContent().addClassName("card");
        String state = plan.alreadyLogged() ? safetyAdvice ? "exercise.today.logged-rest" : "exercise.today.logged"
                : plan.programmeDay() ? "exercise.today.programme-day" : "exercise.today.rest-day";
        var log = new Button(getTranslation(plan.alreadyLogged() ? "exercise.log-another" : "exercise.log"),
                e -> logSession.run());
        if (!plan.alreadyLogged()) {
            log.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        getContent().add(new H2(getTranslation("exercise.today", Formats.date(plan.date(), getLocale()))),
                new Paragraph(getTranslation(state)), log);
    }
}
