package org.researchportal.study.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.study.CriterionRule.Condition;
import org.researchportal.study.CriterionRule.Operator;

/** One comparison of a computed criterion: a measure's code, an operator and a threshold (yes is 1, no is 0). */
final class ConditionRow extends Composite<HorizontalLayout> {

    private final TextField measure = new TextField(getTranslation("eligibility.condition.measure"));
    private final Select<Operator> operator = new Select<>();
    private final NumberField threshold = new NumberField(getTranslation("eligibility.condition.threshold"));

    ConditionRow(@Nullable Condition condition) {
        measure.setWidth("10em");
        operator.setLabel(getTranslation("eligibility.condition.operator"));
        operator.setItems(Operator.values());
        operator.setItemLabelGenerator(o -> getTranslation("operator." + o.name().toLowerCase(Locale.ROOT)));
        threshold.setWidth("7em");
        threshold.setHelperText(getTranslation("eligibility.condition.threshold-help"));
        operator.setValue(condition == null ? Operator.AT_LEAST : condition.operator());
        if (condition != null) {
            measure.setValue(condition.measure());
            threshold.setValue(condition.threshold());
        }
        getContent().setAlignItems(FlexComponent.Alignment.BASELINE);
        getContent().setWrap(true);
        getContent().add(measure, operator, threshold);
    }

    Condition condition() {
        // An empty threshold is not a number the rule could compare with: the service refuses it at the criteria.
        return new Condition(measure.getValue().trim(), operator.getValue(),
                threshold.getValue() == null ? Double.NaN : threshold.getValue());
    }
}
