package org.researchportal.assessments.ui;

import static org.researchportal.assessments.ui.ChoiceRow.blankAsNull;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.Wording;
import org.researchportal.base.ui.EditableRows;

/**
 * One item of an instrument in the designer: its kind, code and words in both languages, and the fields its kind
 * uses (unit and range of a number, anchors of a scale, choices, the calculation of a score), with its branching.
 */
final class ItemEditor extends Composite<FormLayout> {

    private final Select<ItemType> type = new Select<>();
    private final TextField code = new TextField();
    private final TextField labelEn = new TextField();
    private final TextField labelZh = new TextField();
    private final Checkbox required = new Checkbox();
    private final TextField noteEn = new TextField();
    private final TextField noteZh = new TextField();
    private final TextField sectionEn = new TextField();
    private final TextField sectionZh = new TextField();
    private final TextField unit = new TextField();
    private final NumberField min = new NumberField();
    private final NumberField max = new NumberField();
    private final EditableRows<ChoiceRow> choices;
    private final TextField showWhen = new TextField();
    private final TextField calculation = new TextField();
    /** Kept as imported, for the round trip; the designer does not edit them. */
    private final boolean identifier;
    private final @Nullable String annotation;
    private Runnable changed = () -> {};

    ItemEditor(@Nullable Item item) {
        choices = new EditableRows<>(getTranslation("designer.choice.add"), () -> new ChoiceRow(null));
        choices.onRowAdded(row -> row.onChange(() -> changed.run()));
        type.setLabel(getTranslation("designer.item.type"));
        type.setItems(ItemType.values());
        type.setItemLabelGenerator(t -> getTranslation("designer.type." + t.name()));
        code.setLabel(getTranslation("designer.item.code"));
        code.setHelperText(getTranslation("designer.item.code.hint"));
        labelEn.setLabel(getTranslation("designer.item.label-en"));
        labelZh.setLabel(getTranslation("designer.item.label-zh"));
        required.setLabel(getTranslation("designer.item.required"));
        noteEn.setLabel(getTranslation("designer.item.note-en"));
        noteZh.setLabel(getTranslation("designer.item.note-zh"));
        sectionEn.setLabel(getTranslation("designer.item.section-en"));
        sectionZh.setLabel(getTranslation("designer.item.section-zh"));
        unit.setLabel(getTranslation("designer.item.unit"));
        min.setLabel(getTranslation("designer.item.min"));
        max.setLabel(getTranslation("designer.item.max"));
        showWhen.setLabel(getTranslation("designer.item.show-when"));
        showWhen.setHelperText(getTranslation("designer.item.show-when.hint"));
        calculation.setLabel(getTranslation("designer.item.calculation"));
        calculation.setHelperText(getTranslation("designer.item.calculation.hint"));
        identifier = item != null && item.identifier();
        annotation = item == null ? null : item.annotation();
        type.setValue(item == null ? ItemType.NUMBER : item.type());
        if (item != null) {
            fill(item);
        }
        var form = getContent();
        form.addClassName("item-editor");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.add(type, code, labelEn, labelZh, noteEn, noteZh, sectionEn, sectionZh, unit, required, min, max);
        form.add(choices, 2);
        form.add(calculation, 2);
        form.add(showWhen, 2);
        showFieldsOfKind();
        type.addValueChangeListener(e -> showFieldsOfKind());
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(type, code, labelEn, labelZh, required, noteEn, noteZh,
                sectionEn,
                sectionZh, unit, min, max, showWhen, calculation)) {
            field.addValueChangeListener(e -> changed.run());
        }
    }

    private void fill(Item item) {
        code.setValue(item.code());
        labelEn.setValue(item.label().en());
        labelZh.setValue(text(item.label().zh()));
        required.setValue(item.required());
        noteEn.setValue(item.note() == null ? "" : item.note().en());
        noteZh.setValue(item.note() == null ? "" : text(item.note().zh()));
        sectionEn.setValue(item.section() == null ? "" : item.section().en());
        sectionZh.setValue(item.section() == null ? "" : text(item.section().zh()));
        unit.setValue(text(item.unit()));
        min.setValue(item.min());
        max.setValue(item.max());
        choices.setRows(item.choices().stream().map(ChoiceRow::new).toList());
        showWhen.setValue(text(item.showWhen()));
        calculation.setValue(text(item.calculation()));
    }

    /** Only the fields the chosen kind uses are shown (a scale's choices are its anchors). */
    private void showFieldsOfKind() {
        ItemType kind = type.getValue();
        boolean numeric = kind == ItemType.NUMBER || kind == ItemType.INTEGER || kind == ItemType.SCALE;
        unit.setVisible(numeric);
        min.setVisible(numeric);
        max.setVisible(numeric);
        choices.setVisible(kind == ItemType.SINGLE_CHOICE || kind == ItemType.MULTIPLE_CHOICE
                || kind == ItemType.SCALE);
        choices.getElement().setAttribute("aria-label", getTranslation(kind == ItemType.SCALE
                ? "designer.item.anchors" : "designer.item.choices"));
        calculation.setVisible(kind == ItemType.CALCULATED);
        // A score's label names the score, not a question.
        labelEn.setLabel(getTranslation(kind == ItemType.CALCULATED ? "designer.item.score-en"
                : "designer.item.label-en"));
        labelZh.setLabel(getTranslation(kind == ItemType.CALCULATED ? "designer.item.score-zh"
                : "designer.item.label-zh"));
        required.setVisible(kind.answered());
        noteEn.setVisible(kind != ItemType.CALCULATED);
        noteZh.setVisible(kind != ItemType.CALCULATED);
    }

    /** Runs after any field of the item changes (to refresh the preview). */
    void onChange(Runnable action) {
        this.changed = action;
    }

    /** The item as its fields stand; the service checks it. Fields the kind does not use are left out. */
    Item item() {
        ItemType kind = type.getValue();
        boolean numeric = kind == ItemType.NUMBER || kind == ItemType.INTEGER || kind == ItemType.SCALE;
        boolean chosen = kind == ItemType.SINGLE_CHOICE || kind == ItemType.MULTIPLE_CHOICE || kind == ItemType.SCALE;
        return new Item(code.getValue().trim(), kind, new Wording(labelEn.getValue().trim(), blankAsNull(labelZh
                .getValue())), kind == ItemType.CALCULATED ? null : Wording.of(noteEn.getValue().trim(),
                        noteZh.getValue().trim()), numeric ? blankAsNull(unit.getValue()) : null,
                numeric ? min.getValue() : null, numeric ? max.getValue() : null,
                chosen ? choices.rows().stream().map(ChoiceRow::choice).toList() : List.of(),
                kind.answered() && required.getValue(), blankAsNull(showWhen.getValue()),
                kind == ItemType.CALCULATED ? blankAsNull(calculation.getValue()) : null,
                Wording.of(sectionEn.getValue().trim(), sectionZh.getValue().trim()), identifier, annotation);
    }

    /** Where the service's refusal of each of this item's fields is shown ("items.3.showWhen" less "items.3."). */
    Map<String, HasValidation> errorTargets() {
        Map<String, HasValidation> targets = new LinkedHashMap<>();
        targets.put("code", code);
        targets.put("type", type);
        targets.put("label", labelEn);
        targets.put("note", noteEn);
        targets.put("unit", unit);
        targets.put("range", min);
        targets.put("choices", choices);
        targets.put("required", type);
        targets.put("calculation", calculation);
        targets.put("showWhen", showWhen);
        return targets;
    }

    void setReadOnly(boolean readOnly) {
        List.<HasValue<?, ?>>of(type, code, labelEn, labelZh, required, noteEn, noteZh, sectionEn, sectionZh, unit,
                min, max, showWhen, calculation).forEach(f -> f.setReadOnly(readOnly));
        choices.setEnabled(!readOnly);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
