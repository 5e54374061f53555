package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import org.researchportal.study.RandomisationPlan.StratificationFactor;

/** One stratification factor of a new plan: code, labels, and its levels typed as a list ("under-65, 65-plus"). */
final class StratificationFactorRow extends Composite<HorizontalLayout> {

    private final TextField code = new TextField(getTranslation("randomisation-plan.factor.code"));
    private final TextField label = new TextField(getTranslation("randomisation-plan.factor.label"));
    private final TextField labelZh = new TextField(getTranslation("randomisation-plan.factor.label-zh"));
    private final TextField levels = new TextField(getTranslation("randomisation-plan.factor.levels"));

    StratificationFactorRow() {
        code.setWidth("8em");
        levels.setWidth("18em");
        levels.setHelperText(getTranslation("randomisation-plan.factor.levels-help"));
        getContent().setAlignItems(FlexComponent.Alignment.BASELINE);
        getContent().setWrap(true);
        getContent().add(code, label, labelZh, levels);
    }

    StratificationFactor factor() {
        return new StratificationFactor(code.getValue().trim(), label.getValue().trim(), labelZh.getValue().trim(),
                Arrays.stream(levels.getValue().split("[,，]")).map(String::trim).filter(l -> !l.isEmpty())
                        .toList());
    }
}
