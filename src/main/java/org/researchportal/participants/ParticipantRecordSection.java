package org.researchportal.participants;

import com.vaadin.flow.component.Component;

/**
 * A part of a participant's record that another module contributes (adverse events, later the programme and the
 * calls), so the record page shows it without importing that module. Beans of this type are shown in their order.
 */
public interface ParticipantRecordSection {

    int order();

    Component section(ParticipantRecord record, Runnable reload);
}
