package org.researchportal.study.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.study.ScreeningMeasure;
import org.researchportal.study.ScreeningMeasure.MeasureType;

/** One screening measure: its code, whether it is a number or yes/no, its labels and, for a number, its range. */
final class MeasureRow extends Composite<HorizontalLayout> {

    private final TextField code = new TextField(getTranslation("eligibility.measure.code"));
    private final Select<MeasureType> type = new Select<>();
    private final TextField label = new TextField(getTranslation("eligibility.measure.label"));
    private final TextField labelZh = new TextField(getTranslation("eligibility.measure.label-zh"));
    private final NumberField min = new NumberField(getTranslation("eligibility.measure.min"));
    private final NumberField max = new NumberField(getTranslation("eligibility.measure.max"));
    private final @Nullable String unit;

    MeasureRow(@Nullable ScreeningMeasure measure) {
        code.setWidth("10em");
        code.setHelperText(getTranslation("eligibility.measure.code-help"));
        type.setLabel(getTranslation("eligibility.measure.type"));
        type.setItems(MeasureType.values());
        type.setItemLabelGenerator(t -> getTranslation("measure-type." + t.name().toLowerCase(Locale.ROOT)));
        type.addValueChangeListener(e -> showRange());
        label.setWidth("18em");
        min.setWidth("7em");
        max.setWidth("7em");
        unit = measure == null ? null : measure.unit();
        if (measure != null) {
            code.setValue(measure.code());
            label.setValue(measure.label());
            labelZh.setValue(measure.labelZh() == null ? "" : measure.labelZh());
            min.setValue(measure.min());
            max.setValue(measure.max());
        }
        type.setValue(measure == null ? MeasureType.NUMBER : measure.type());
        getContent().setAlignItems(FlexComponent.Alignment.BASELINE);
        getContent().setWrap(true);
        getContent().add(code, type, label, labelZh, min, max);
    }

    private void showRange() {
        boolean number = type.getValue() == MeasureType.NUMBER;
        min.setVisible(number);
        max.setVisible(number);
    }

    ScreeningMeasure measure() {
        boolean number = type.getValue() == MeasureType.NUMBER;
        return new ScreeningMeasure(code.getValue().trim(), type.getValue(), label.getValue().trim(),
                labelZh.getValue().trim(), number ? min.getValue() : null, number ? max.getValue() : null,
                number ? unit : null);
    }
}
