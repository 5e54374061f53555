package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.researchportal.participants.MyParticipation;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.ArmKind;

/**
 * What the participant's group does, with the way to its pages: the exercise arm to its programme, both arms to the
 * standard guidance. The links are paths, as the exercise module's screens build on this one and not the reverse.
 */
final class ArmContentCard extends Composite<Div> {

    ArmContentCard(MyParticipation me) {
        getContent().addClassName("card");
        if (me.armKind() == null) {
            getContent().add(new H2(getTranslation("participant-home.group")),
                    new Paragraph(getTranslation("participant-home.not-allocated")));
            return;
        }
        String key = me.armKind() == ArmKind.INTERVENTION ? "participant-home.intervention"
                : "participant-home.control";
        getContent().add(new H2(getTranslation("participant-home.group-named", me.armName())),
                new Paragraph(getTranslation(key)));
        var links = new Div();
        links.addClassName("participant-links");
        // The programme is for enrolled participants of the exercise arm only, as the exercise service rules.
        if (me.armKind() == ArmKind.INTERVENTION && me.status() == ParticipantStatus.ENROLLED) {
            links.add(bigLink("my-exercises", "participant-home.open-programme"));
        }
        links.add(bigLink("guidance", "participant-home.open-guidance"));
        getContent().add(links);
    }

    private Anchor bigLink(String path, String key) {
        var link = new Anchor(path, getTranslation(key));
        link.addClassName("big-link");
        return link;
    }
}
