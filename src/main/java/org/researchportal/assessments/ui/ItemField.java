package org.researchportal.assessments.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Item;
import org.researchportal.base.ui.DatePickers;

/**
 * One item's field, chosen by its type, reading and writing the answer as the text the service stores: numbers in
 * plain decimal, yes/no as "yes"/"no", dates as ISO.
 */
final class ItemField extends Composite<Div> implements HasValidation {

    private final Item item;
    private final Component field;

    ItemField(Item item, @Nullable String answer) {
        this.item = item;
        String label = (getLocale().getLanguage().equals("zh") ? item.labelZh() : item.label())
                + (item.unit() == null ? "" : " (" + item.unit() + ")");
        this.field = switch (item.type()) {
            case INTEGER, DECIMAL -> {
                var number = new NumberField(label);
                if (item.min() != null) {
                    number.setMin(item.min());
                }
                if (item.max() != null) {
                    number.setMax(item.max());
                }
                number.setStep(item.type() == Item.ItemType.INTEGER ? 1 : 0.1);
                // The field's own check says what the service would: a whole number, or a value in range.
                number.setI18n(new NumberField.NumberFieldI18n()
                        .setStepErrorMessage(getTranslation(item.type() == Item.ItemType.INTEGER
                                ? "assessment.item.whole-number" : "assessment.item.invalid"))
                        .setMinErrorMessage(getTranslation("assessment.item.out-of-range"))
                        .setMaxErrorMessage(getTranslation("assessment.item.out-of-range"))
                        .setBadInputErrorMessage(getTranslation("assessment.item.invalid")));
                number.setValue(answer == null ? null : Double.valueOf(answer));
                yield number;
            }
            case YES_NO -> {
                var yesNo = new RadioButtonGroup<String>(label);
                yesNo.setItems("yes", "no");
                yesNo.setItemLabelGenerator(v -> getTranslation("answer." + v));
                yesNo.setValue(answer);
                yield yesNo;
            }
            case DATE -> {
                var date = DatePickers.create(label);
                date.setValue(answer == null ? null : LocalDate.parse(answer));
                yield date;
            }
            case TEXT -> {
                var text = new TextArea(label);
                text.setMaxLength(Item.TEXT_MAX_LENGTH);
                text.setValue(answer == null ? "" : answer);
                yield text;
            }
        };
        if (item.required()) {
            ((HasValue<?, ?>) field).setRequiredIndicatorVisible(true);
        }
        ((HasSize) field).setWidthFull();
        getContent().addClassName("item-field");
        getContent().add(field);
    }

    String code() {
        return item.code();
    }

    /** Runs when the person changes the answer (to keep the form's notes on uncomputed scores current). */
    void onChange(Runnable action) {
        ((HasValue<?, ?>) field).addValueChangeListener(e -> action.run());
    }

    /** The answer as stored text; empty when unanswered. */
    String answer() {
        Object value = ((AbstractField<?, ?>) field).getValue();
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            // Plain decimal, as typed: 7 rather than 7.0, 22.5 rather than 2.25E1.
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        ((HasValidation) field).setErrorMessage(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return ((HasValidation) field).getErrorMessage();
    }

    @Override
    public void setInvalid(boolean invalid) {
        ((HasValidation) field).setInvalid(invalid);
    }

    @Override
    public boolean isInvalid() {
        return ((HasValidation) field).isInvalid();
    }
}
