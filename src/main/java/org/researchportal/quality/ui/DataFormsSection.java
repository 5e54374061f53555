package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;

/**
 * On a randomised participant's record, the way to their data page: where the principal investigator reads every form
 * as the monitor does, with the monitor's marks, and signs.
 */
@org.springframework.stereotype.Component
final class DataFormsSection implements ParticipantRecordSection {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        var card = new Div();
        card.addClassNames("card", "data-forms-link");
        card.add(new H2(card.getTranslation("data.record.title")));
        // The data page reads randomised participants, as the monitor's list has them.
        if (record.armName() != null) {
            card.add(new RouterLink(card.getTranslation("data.record.link"), ParticipantDataView.class, record.id()));
        } else {
            card.add(new Paragraph(card.getTranslation("data.record.not-randomised")));
        }
        return card;
    }
}
