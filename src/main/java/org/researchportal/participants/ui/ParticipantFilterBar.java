package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.researchportal.participants.ParticipantFilter;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.Arm;
import org.researchportal.study.StudySummary;

/**
 * Search by study or screening number and filters by status and arm above a clinician's participant list. Names are
 * sealed at rest, so they are not searched: the database filters numbers, status and arm, and the grid stays paged.
 */
final class ParticipantFilterBar extends Composite<Div> {

    private final TextField number = new TextField();
    private final Select<ParticipantStatus> status = new Select<>();
    private final Select<Arm> arm = new Select<>();

    ParticipantFilterBar(StudySummary study, Runnable changed) {
        number.setLabel(getTranslation("participant.search"));
        number.setPlaceholder(getTranslation("participant.search.placeholder"));
        number.setPrefixComponent(VaadinIcon.SEARCH.create());
        number.setClearButtonVisible(true);
        number.setMaxLength(ParticipantFilter.NUMBER_MAX_LENGTH);
        number.setValueChangeMode(ValueChangeMode.LAZY);
        number.addValueChangeListener(e -> changed.run());
        status.setLabel(getTranslation("participant.status"));
        status.setItems(ParticipantStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("participant.filter.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("participant.filter.all")
                : getTranslation(s.messageKey()));
        status.addValueChangeListener(e -> changed.run());
        arm.setLabel(getTranslation("participant.arm"));
        arm.setItems(study.arms());
        arm.setEmptySelectionAllowed(true);
        arm.setEmptySelectionCaption(getTranslation("participant.filter.all"));
        arm.setItemLabelGenerator(a -> a == null ? getTranslation("participant.filter.all") : a.name());
        arm.addValueChangeListener(e -> changed.run());
        getContent().addClassName("participant-filters");
        getContent().add(number, status, arm);
    }

    ParticipantFilter filter() {
        String typed = number.getValue().strip();
        return new ParticipantFilter(typed.isEmpty() ? null : typed, status.getValue(),
                arm.getValue() == null ? null : arm.getValue().code());
    }
}
