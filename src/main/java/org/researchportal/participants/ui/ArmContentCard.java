package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.researchportal.participants.MyParticipation;
import org.researchportal.study.ArmKind;

/**
 * What the participant's group does. The exercise programme (manual, videos, session log) and the standard-guidance
 * pages arrive with the exercise module; until then this says what to expect.
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
    }
}
