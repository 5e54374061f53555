package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import java.util.Map;
import org.researchportal.base.ui.StatCard;
import org.researchportal.participants.ParticipantStatus;

/** Participants by status, one card each. */
final class StatusCounts extends Composite<Div> {

    StatusCounts(Map<ParticipantStatus, Long> counts) {
        getContent().addClassName("stat-row");
        for (ParticipantStatus status : ParticipantStatus.values()) {
            getContent().add(new StatCard(getTranslation(status.messageKey()),
                    String.valueOf(counts.getOrDefault(status, 0L))));
        }
    }
}
