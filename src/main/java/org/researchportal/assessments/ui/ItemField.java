package org.researchportal.assessments.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Choice;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.base.ui.DatePickers;

/**
 * One item's field, chosen by its kind, reading and writing the answer as the text the service stores: numbers in
 * plain decimal, choices by code (a multiple choice's codes comma separated), yes/no as 1/0, dates as ISO. A scale of
 * up to 11 points is a row of its values to tap, its anchors named beneath.
 */
final class ItemField extends Composite<Div> implements HasValidation {

    private static final int TAPPABLE_POINTS = 11;

    private final Item item;
    private final @Nullable Component field;

    ItemField(Item item, @Nullable String answer, Locale locale) {
        this.item = item;
        String label = item.label().in(locale) + (item.unit() == null ? "" : " (" + item.unit() + ")");
        getContent().addClassName("item-field");
        if (item.section() != null) {
            getContent().add(new H3(item.section().in(locale)));
        }
        this.field = switch (item.type()) {
            case INTEGER, NUMBER -> number(label, answer, locale);
            case SCALE -> scale(label, answer, locale);
            case SINGLE_CHOICE, YES_NO -> {
                var choice = new RadioButtonGroup<String>(label);
                List<Choice> choices = item.type() == ItemType.YES_NO ? List.of() : item.choices();
                choice.setItems(item.type() == ItemType.YES_NO ? List.of("1", "0")
                        : choices.stream().map(Choice::code).toList());
                choice.setItemLabelGenerator(code -> item.type() == ItemType.YES_NO
                        ? getTranslation(locale, code.equals("1") ? "answer.yes" : "answer.no")
                        : item.choice(code).map(c -> c.label().in(locale)).orElse(code));
                choice.setValue(answer);
                yield choice;
            }
            case MULTIPLE_CHOICE -> {
                var choices = new CheckboxGroup<String>(label);
                choices.setItems(item.choices().stream().map(Choice::code).toList());
                choices.setItemLabelGenerator(code -> item.choice(code).map(c -> c.label().in(locale)).orElse(code));
                choices.setValue(answer == null ? Set.of() : Set.of(answer.split(",")));
                yield choices;
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
            case DESCRIPTIVE -> {
                var words = new Div(label);
                words.addClassName("item-description");
                yield words;
            }
            case CALCULATED -> null;
        };
        if (field instanceof HasValue<?, ?> value) {
            value.setRequiredIndicatorVisible(item.required());
            ((HasSize) field).setWidthFull();
        }
        if (item.note() != null && field instanceof HasHelper helped) {
            String anchors = helped.getHelperText();
            helped.setHelperText(item.note().in(locale) + (anchors == null ? "" : " " + anchors));
        }
        if (field != null) {
            getContent().add(field);
        }
    }

    private Component number(String label, @Nullable String answer, Locale locale) {
        var number = new NumberField(label);
        if (item.min() != null) {
            number.setMin(item.min());
        }
        if (item.max() != null) {
            number.setMax(item.max());
        }
        number.setStep(item.type() == ItemType.INTEGER ? 1 : 0.1);
        // The field's own check says what the service would: a whole number, or a value in range.
        number.setI18n(new NumberField.NumberFieldI18n()
                .setStepErrorMessage(getTranslation(locale, item.type() == ItemType.INTEGER
                        ? "assessment.item.whole-number" : "assessment.item.invalid"))
                .setMinErrorMessage(getTranslation(locale, "assessment.item.out-of-range"))
                .setMaxErrorMessage(getTranslation(locale, "assessment.item.out-of-range"))
                .setBadInputErrorMessage(getTranslation(locale, "assessment.item.invalid")));
        number.setValue(answer == null ? null : Double.valueOf(answer));
        return number;
    }

    private Component scale(String label, @Nullable String answer, Locale locale) {
        int low = (int) Math.round(item.min());
        int high = (int) Math.round(item.max());
        String anchors = item.choices().stream().map(c -> c.code() + " = " + c.label().in(locale))
                .collect(Collectors.joining(", "));
        if (high - low + 1 > TAPPABLE_POINTS) {
            var number = (NumberField) number(label, answer, locale);
            number.setHelperText(anchors);
            return number;
        }
        var points = new RadioButtonGroup<String>(label);
        points.addClassName("scale");
        points.setItems(IntStream.rangeClosed(low, high).mapToObj(String::valueOf).toList());
        points.setValue(answer);
        points.setHelperText(anchors);
        return points;
    }

    String code() {
        return item.code();
    }

    /** Shows what the data-quality features mark on this field (a query), beside it. */
    void mark(List<Component> marks) {
        if (!marks.isEmpty()) {
            var beside = new Div();
            beside.addClassName("field-marks");
            marks.forEach(beside::add);
            getContent().add(beside);
        }
    }

    /** Shows the answer without letting it change (answers the participant gave herself). */
    void readOnly() {
        if (field instanceof HasValue<?, ?> value) {
            value.setReadOnly(true);
        }
    }

    /** Whether a person answers it (a description or a score is not a field). */
    boolean answerable() {
        return item.type().answered();
    }

    /** Runs when the person changes the answer (to keep branching and the notes on uncomputed scores current). */
    void onChange(Runnable action) {
        if (field instanceof HasValue<?, ?> value) {
            value.addValueChangeListener(e -> action.run());
        }
    }

    /** Shows the answer without letting it change (a participant's sent questionnaire). */
    void setReadOnly(boolean readOnly) {
        if (field instanceof HasValue<?, ?> value) {
            value.setReadOnly(readOnly);
        }
    }

    /** The answer as stored text; empty when unanswered. */
    String answer() {
        if (!(field instanceof AbstractField<?, ?> input)) {
            return "";
        }
        Object value = input.getValue();
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            // Plain decimal, as typed: 7 rather than 7.0, 22.5 rather than 2.25E1.
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Set<?> chosen) {
            return item.choices().stream().map(Choice::code).filter(chosen::contains).collect(Collectors.joining(","));
        }
        return value.toString();
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        if (field instanceof HasValidation validated) {
            validated.setErrorMessage(errorMessage);
        }
    }

    @Override
    public String getErrorMessage() {
        return field instanceof HasValidation validated ? validated.getErrorMessage() : "";
    }

    @Override
    public void setInvalid(boolean invalid) {
        if (field instanceof HasValidation validated) {
            validated.setInvalid(invalid);
        }
    }

    @Override
    public boolean isInvalid() {
        return field instanceof HasValidation validated && validated.isInvalid();
    }
}
