package org.researchportal.participants;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the participant's "My study" that another module contributes (her questionnaires), so her home shows it
 * without importing that module. Beans of this type are shown in their order; one with nothing to say shows nothing.
 */
public interface ParticipantHomeSection {

    int order();

    Optional<Component> section();
}
