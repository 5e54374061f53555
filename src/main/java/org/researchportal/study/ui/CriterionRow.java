package org.researchportal.study.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ui.EditableRows;
import org.researchportal.study.CriterionRule;
import org.researchportal.study.CriterionRule.Combination;
import org.researchportal.study.EligibilityCriterion;
import org.researchportal.study.EligibilityCriterion.Kind;

/**
 * One inclusion or exclusion criterion, with its texts and, when it is computed from the screening measures, its
 * rule: all or any of some comparisons. Without a rule the clinician answers it.
 */
final class CriterionRow extends Composite<VerticalLayout> {

    private final TextField code = new TextField(getTranslation("eligibility.criterion.code"));
    private final Select<Kind> kind = new Select<>();
    private final TextField text = new TextField(getTranslation("eligibility.criterion.text"));
    private final TextField textZh = new TextField(getTranslation("eligibility.criterion.text-zh"));
    private final Select<Combination> combination = new Select<>();
    private final EditableRows<ConditionRow> conditions = new EditableRows<>(
            getTranslation("eligibility.condition.add"), () -> new ConditionRow(null));

    CriterionRow(@Nullable EligibilityCriterion criterion) {
        code.setWidth("6em");
        kind.setLabel(getTranslation("eligibility.criterion.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("criterion-kind." + k.name().toLowerCase(Locale.ROOT)));
        text.setWidth("22em");
        textZh.setWidth("18em");
        combination.setLabel(getTranslation("eligibility.criterion.rule"));
        combination.setItems(Combination.values());
        combination.setEmptySelectionAllowed(true);
        combination.setEmptySelectionCaption(getTranslation("eligibility.criterion.answered"));
        combination.setItemLabelGenerator(c -> c == null ? getTranslation("eligibility.criterion.answered")
                : getTranslation("combination." + c.name().toLowerCase(Locale.ROOT)));
        combination.addValueChangeListener(e -> conditions.setVisible(e.getValue() != null));
        kind.setValue(criterion == null ? Kind.INCLUSION : criterion.kind());
        CriterionRule rule = criterion == null ? null : criterion.rule();
        if (criterion != null) {
            code.setValue(criterion.code());
            text.setValue(criterion.text());
            textZh.setValue(criterion.textZh() == null ? "" : criterion.textZh());
        }
        if (rule != null) {
            combination.setValue(rule.combination());
            conditions.setRows(rule.conditions().stream().map(ConditionRow::new).toList());
        }
        conditions.setVisible(rule != null);
        conditions.addClassName("criterion-conditions");
        var first = new HorizontalLayout(code, kind, text, textZh, combination);
        first.setAlignItems(FlexComponent.Alignment.BASELINE);
        first.setWrap(true);
        getContent().setPadding(false);
        getContent().setSpacing(false);
        getContent().add(first, conditions);
    }

    EligibilityCriterion criterion() {
        Combination computed = combination.getValue();
        CriterionRule rule = computed == null ? null : new CriterionRule(computed,
                conditions.rows().stream().map(ConditionRow::condition).toList());
        return new EligibilityCriterion(code.getValue().trim(), kind.getValue(), text.getValue().trim(),
                textZh.getValue().trim(), rule);
    }
}
