package org.researchportal.study.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;

/**
 * Edits a study's arms: existing arms keep their code (participants may be allocated to them); new ones may be added.
 */
final class ArmsEditor extends Div implements HasValidation {

    private final List<ArmRow> rows = new ArrayList<>();
    private final Div list = new Div();
    private final Span error = new Span();

    ArmsEditor() {
        addClassName("arms-editor");
        error.addClassName("field-error");
        error.setVisible(false);
        var add = new Button(getTranslation("study.add-arm"), e -> addRow(new Arm("", "", ArmKind.INTERVENTION, ""),
                true));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(list, error, add);
    }

    void setArms(List<Arm> arms) {
        rows.clear();
        list.removeAll();
        arms.forEach(arm -> addRow(arm, false));
    }

    /** Empty rows for a new study's arms, their codes still to be chosen. */
    void setNewArms(int count) {
        rows.clear();
        list.removeAll();
        for (int i = 0; i < count; i++) {
            addRow(new Arm("", "", i == 0 ? ArmKind.INTERVENTION : ArmKind.CONTROL, ""), true);
        }
    }

    List<Arm> getArms() {
        return rows.stream().map(ArmRow::arm).toList();
    }

    private void addRow(Arm arm, boolean isNew) {
        var row = new ArmRow(arm, isNew);
        rows.add(row);
        list.add(row);
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        error.setText(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible();
    }

    private final class ArmRow extends HorizontalLayout {

        private final TextField code = new TextField(getTranslation("study.arm.code"));
        private final TextField name = new TextField(getTranslation("study.arm.name"));
        private final TextField nameZh = new TextField(getTranslation("study.arm.name-zh"));
        private final Select<ArmKind> kind = new Select<>();
        private final TextField description = new TextField(getTranslation("study.arm.description"));

        ArmRow(Arm arm, boolean isNew) {
            code.setValue(arm.code());
            code.setReadOnly(!isNew);
            code.setMaxLength(Arm.CODE_MAX_LENGTH);
            code.setWidth("9em");
            name.setValue(arm.name());
            name.setMaxLength(Arm.NAME_MAX_LENGTH);
            nameZh.setValue(arm.nameZh() == null ? "" : arm.nameZh());
            nameZh.setMaxLength(Arm.NAME_MAX_LENGTH);
            kind.setLabel(getTranslation("study.arm.kind"));
            kind.setItems(ArmKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("arm-kind." + k.name().toLowerCase(Locale.ROOT)));
            kind.setValue(arm.kind());
            description.setValue(arm.description());
            description.setMaxLength(Arm.DESCRIPTION_MAX_LENGTH);
            description.setWidthFull();
            setWidthFull();
            setAlignItems(Alignment.BASELINE);
            add(code, name, nameZh, kind, description);
        }

        Arm arm() {
            return new Arm(code.getValue().trim().toUpperCase(Locale.ROOT), name.getValue().trim(), kind.getValue(),
                    description.getValue().trim(), nameZh.getValue().isBlank() ? null : nameZh.getValue().trim());
        }
    }
}
