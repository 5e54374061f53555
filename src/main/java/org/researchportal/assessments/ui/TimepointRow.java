package org.researchportal.assessments.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Instrument;
import org.researchportal.study.Timepoint;

/**
 * One timepoint of the schedule: its code and labels, when it is due (days after enrolment), its window, and the
 * instruments recorded at it, chosen from the tenant's own.
 */
final class TimepointRow extends Composite<HorizontalLayout> {

    private final TextField code = new TextField(getTranslation("schedule.timepoint.code"));
    private final TextField label = new TextField(getTranslation("schedule.timepoint.label"));
    private final TextField labelZh = new TextField(getTranslation("schedule.timepoint.label-zh"));
    private final IntegerField day = field("schedule.timepoint.day");
    private final IntegerField before = field("schedule.timepoint.before");
    private final IntegerField after = field("schedule.timepoint.after");
    private final MultiSelectComboBox<String> instruments = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> byParticipant = new MultiSelectComboBox<>();

    TimepointRow(@Nullable Timepoint timepoint, List<Instrument> available) {
        code.setWidth("8em");
        code.setHelperText(getTranslation("schedule.timepoint.code-help"));
        instruments.setLabel(getTranslation("schedule.timepoint.instruments"));
        instruments.setItems(available.stream().map(Instrument::code).toList());
        instruments.setItemLabelGenerator(code -> nameOf(code, available));
        instruments.setWidth("24em");
        // Who completes each: the assessor unless chosen here (the participant, on her phone).
        byParticipant.setLabel(getTranslation("schedule.timepoint.by-participant"));
        byParticipant.setHelperText(getTranslation("schedule.timepoint.by-participant-help"));
        byParticipant.setItemLabelGenerator(code -> nameOf(code, available));
        byParticipant.setWidth("20em");
        instruments.addValueChangeListener(e -> {
            List<String> chosen = available.stream().map(Instrument::code).filter(e.getValue()::contains).toList();
            Set<String> kept = byParticipant.getValue().stream().filter(chosen::contains).collect(Collectors.toSet());
            byParticipant.setItems(chosen);
            byParticipant.setValue(kept);
        });
        if (timepoint != null) {
            code.setValue(timepoint.code());
            label.setValue(timepoint.label());
            labelZh.setValue(timepoint.labelZh() == null ? "" : timepoint.labelZh());
            day.setValue(timepoint.dayOffset());
            before.setValue(timepoint.windowBefore());
            after.setValue(timepoint.windowAfter());
            instruments.setValue(Set.copyOf(timepoint.instruments()));
            byParticipant.setValue(Set.copyOf(timepoint.completedByParticipant()));
        } else {
            day.setValue(0);
            before.setValue(7);
            after.setValue(7);
            instruments.setValue(available.stream().map(Instrument::code).collect(Collectors.toSet()));
        }
        getContent().setAlignItems(FlexComponent.Alignment.BASELINE);
        getContent().setWrap(true);
        getContent().add(code, label, labelZh, day, before, after, instruments, byParticipant);
    }

    private IntegerField field(String key) {
        var field = new IntegerField(getTranslation(key));
        field.setMin(0);
        field.setWidth("7em");
        return field;
    }

    /** The timepoint as typed; the instruments in the tenant's order, so the assessor's form is the same each time. */
    Timepoint timepoint(List<Instrument> available) {
        List<String> chosen = available.stream().map(Instrument::code).filter(instruments.getValue()::contains)
                .toList();
        return new Timepoint(code.getValue().trim(), label.getValue().trim(), labelZh.getValue().trim(),
                value(day), value(before), value(after), chosen, chosen.stream().filter(byParticipant
                        .getValue()::contains).toList());
    }

    private String nameOf(String code, List<Instrument> available) {
        return available.stream().filter(i -> i.code().equals(code)).map(i -> i.name().in(getLocale())).findFirst()
                .orElse(code);
    }

    /** An empty number is not a day: -1 makes the service refuse it rather than read it as day 0. */
    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }
}
