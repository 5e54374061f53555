package org.researchportal.participants.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.study.ScreeningMeasure;
import org.researchportal.study.ScreeningMeasure.MeasureType;

/** One screening measure's field: a number within the measure's range, or yes/no (stored as 1 or 0). */
final class MeasureInput extends Composite<Div> implements HasValidation {

    private final @Nullable NumberField number;
    private final @Nullable Select<Boolean> yesNo;

    MeasureInput(ScreeningMeasure measure, @Nullable Double value) {
        String label = getLocale().getLanguage().equals("zh") ? measure.labelZh() : measure.label();
        Component field;
        if (measure.type() == MeasureType.NUMBER) {
            number = new NumberField(label);
            if (measure.min() != null) {
                number.setMin(measure.min());
            }
            if (measure.max() != null) {
                number.setMax(measure.max());
            }
            number.setStep(0.1);
            number.setHelperText(getTranslation("eligibility.range", measure.min(), measure.max()));
            number.setValue(value);
            yesNo = null;
            field = number;
        } else {
            yesNo = new Select<>();
            yesNo.setLabel(label);
            yesNo.setItems(Boolean.TRUE, Boolean.FALSE);
            yesNo.setEmptySelectionAllowed(true);
            yesNo.setItemLabelGenerator(b -> b == null ? "" : getTranslation(b ? "answer.yes" : "answer.no"));
            yesNo.setValue(value == null ? null : value == 1);
            number = null;
            field = yesNo;
        }
        ((HasSize) field).setWidthFull();
        getContent().add(field);
    }

    Optional<Double> value() {
        if (number != null) {
            return Optional.ofNullable(number.getValue());
        }
        return Optional.ofNullable(yesNo == null ? null : yesNo.getValue()).map(b -> b ? 1.0 : 0.0);
    }

    void onChange(Runnable listener) {
        if (number != null) {
            number.addValueChangeListener(e -> listener.run());
        }
        if (yesNo != null) {
            yesNo.addValueChangeListener(e -> listener.run());
        }
    }

    void setReadOnly(boolean readOnly) {
        if (number != null) {
            number.setReadOnly(readOnly);
        }
        if (yesNo != null) {
            yesNo.setReadOnly(readOnly);
        }
    }

    private HasValidation field() {
        return number != null ? number : Objects.requireNonNull(yesNo);
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        field().setErrorMessage(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return field().getErrorMessage();
    }

    @Override
    public void setInvalid(boolean invalid) {
        field().setInvalid(invalid);
    }

    @Override
    public boolean isInvalid() {
        return field().isInvalid();
    }
}
