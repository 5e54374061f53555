package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.researchportal.base.ui.Links;
import org.researchportal.participants.MyParticipation;

/** How the participant reaches the study team: a tap to call, a tap to write. */
final class TeamContactCard extends Composite<Div> {

    TeamContactCard(MyParticipation me) {
        getContent().addClassName("card");
        getContent().add(new H2(getTranslation("participant-home.contact")),
                new Paragraph(getTranslation("participant-home.contact-text")));
        if (me.teamPhone() != null) {
            var call = new Anchor(Links.tel(me.teamPhone()),
                    getTranslation("participant-home.call", me.teamPhone()));
            call.addClassName("big-link");
            getContent().add(call);
        }
        if (me.teamEmail() != null) {
            var mail = new Anchor("mailto:" + me.teamEmail(), getTranslation("participant-home.write", me.teamEmail()));
            mail.addClassName("big-link");
            getContent().add(mail);
        }
    }
}
