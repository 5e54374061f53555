package org.researchportal.exercise.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.Links;
import org.researchportal.exercise.SafetyAdvice;

/**
 * After a session with a pain rise or a safety stop: what happened, what the manual says to do (stop and rest,
 * contact the team) and the team's number to tap, in the participant's language. It stays until a later session.
 */
final class SafetyAdviceCard extends Composite<Div> {

    SafetyAdviceCard(SafetyAdvice advice) {
        Div card = getContent();
        card.addClassNames("card", "safety-advice");
        card.getElement().setAttribute("role", "alert");
        card.add(new H2(getTranslation("safety.title")));
        String date = Formats.date(advice.sessionDate(), getLocale());
        if (advice.painRise()) {
            card.add(new Paragraph(getTranslation("safety.pain-rise", date, advice.painBefore(),
                    advice.painAfter())));
        }
        if (advice.safetyStop()) {
            card.add(new Paragraph(getTranslation("safety.stopped", date)));
        }
        if (!advice.stopRules().isEmpty()) {
            card.add(new Paragraph(getTranslation("safety.manual-says")));
            var rules = new UnorderedList();
            advice.stopRules().forEach(rule -> rules.add(new ListItem(rule.in(getLocale()))));
            card.add(rules);
        }
        card.add(new Paragraph(getTranslation("safety.what-to-do")));
        if (advice.teamPhone() != null) {
            var call = new Anchor(Links.tel(advice.teamPhone()), getTranslation("safety.call",
                    advice.teamPhone()));
            call.addClassName("big-link");
            card.add(call);
        }
        if (advice.teamEmail() != null) {
            var mail = new Anchor("mailto:" + advice.teamEmail(), getTranslation("participant-home.write",
                    advice.teamEmail()));
            mail.addClassName("big-link");
            card.add(mail);
        }
        card.add(new Paragraph(getTranslation("safety.therapist-told")));
    }
}
