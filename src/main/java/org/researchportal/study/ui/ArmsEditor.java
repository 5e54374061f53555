package org.researchportal.study.ui;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.researchportal.base.ui.EditableRows;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;

/**
 * Edits a study's arms: existing arms keep their code and stay (participants may be allocated to them); new ones may
 * be added, and removed again before saving.
 */
final class ArmsEditor extends EditableRows<ArmsEditor.ArmRow> {

    ArmsEditor(String addLabel) {
        super(addLabel, () -> new ArmRow(new Arm("", "", ArmKind.INTERVENTION, ""), true));
        addClassName("arms-editor");
        setRemovable(ArmRow::isNew);
    }

    void setArms(List<Arm> arms) {
        setRows(arms.stream().map(arm -> new ArmRow(arm, false)).toList());
    }

    /** Empty rows for a new study's arms, their codes still to be chosen. */
    void setNewArms(int count) {
        setRows(java.util.stream.IntStream.range(0, count).mapToObj(i -> new ArmRow(new Arm("", "",
                i == 0 ? ArmKind.INTERVENTION : ArmKind.CONTROL, ""), true)).toList());
    }

    List<Arm> getArms() {
        return rows().stream().map(ArmRow::arm).toList();
    }

    static final class ArmRow extends HorizontalLayout {

        private final boolean isNew;
        private final TextField code = new TextField(getTranslation("study.arm.code"));
        private final TextField name = new TextField(getTranslation("study.arm.name"));
        private final TextField nameZh = new TextField(getTranslation("study.arm.name-zh"));
        private final Select<ArmKind> kind = new Select<>();
        private final TextField description = new TextField(getTranslation("study.arm.description"));

        ArmRow(Arm arm, boolean isNew) {
            this.isNew = isNew;
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
            setWrap(true);
            setAlignItems(Alignment.BASELINE);
            add(code, name, nameZh, kind, description);
        }

        boolean isNew() {
            return isNew;
        }

        Arm arm() {
            return new Arm(code.getValue().trim().toUpperCase(Locale.ROOT), name.getValue().trim(), kind.getValue(),
                    description.getValue().trim(), nameZh.getValue().isBlank() ? null : nameZh.getValue().trim());
        }
    }
}
