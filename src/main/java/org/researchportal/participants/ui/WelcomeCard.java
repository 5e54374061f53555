package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.researchportal.base.ui.Formats;
import org.researchportal.participants.MyParticipation;

/** Greets the participant and names their study. */
final class WelcomeCard extends Composite<Div> {

    WelcomeCard(MyParticipation me) {
        getContent().addClassName("card");
        getContent().add(new H2(getTranslation("participant-home.welcome", me.displayName())),
                new Paragraph(getTranslation("participant-home.study", me.studyAcronym(), me.studyTitle())),
                new Paragraph(getTranslation("participant-home.number", Formats.text(me.studyNumber()),
                        Formats.date(me.enrolledOn(), getLocale()))));
    }
}
