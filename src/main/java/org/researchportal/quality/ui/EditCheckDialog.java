package org.researchportal.quality.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.expression.Expression;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.quality.CheckDefinition;
import org.researchportal.quality.CheckSeverity;
import org.researchportal.quality.EditCheckRow;
import org.researchportal.quality.EditChecks;

/**
 * Writes or changes one edit check: its form and the field its message points at (the names the form offers), the
 * expression that is true when the data are wrong (its error shown at it, with where), what it does and its messages.
 */
final class EditCheckDialog extends Dialog {

    private final EditChecks checks;
    private final String studyId;
    private final TextField code = new TextField();
    private final Select<FormKind> kind = new Select<>();
    private final ComboBox<String> form = new ComboBox<>();
    private final ComboBox<String> item = new ComboBox<>();
    private final TextArea expression = new TextArea();
    private final Select<CheckSeverity> severity = new Select<>();
    private final TextField messageEn = new TextField();
    private final TextField messageZh = new TextField();
    private final Checkbox enabled = new Checkbox();

    EditCheckDialog(EditChecks checks, String studyId, @Nullable EditCheckRow existing, Runnable onSaved) {
        this.checks = checks;
        this.studyId = studyId;
        setHeaderTitle(getTranslation(existing == null ? "edit-checks.add" : "edit-checks.edit"));
        labels();
        kind.setItems(FormKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.addValueChangeListener(e -> forms());
        form.addValueChangeListener(e -> items());
        severity.setItems(CheckSeverity.values());
        severity.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        code.setMaxLength(CheckDefinition.CODE_MAX);
        expression.setMaxLength(Expression.MAX_LENGTH);
        messageEn.setMaxLength(CheckDefinition.MESSAGE_MAX);
        messageZh.setMaxLength(CheckDefinition.MESSAGE_MAX);
        fill(existing);
        var layout = new FormLayout(code, kind, form, item, expression, severity, messageEn, messageZh, enabled);
        layout.setColspan(expression, 2);
        add(layout);
        Map<String, HasValidation> fields = Map.of("code", code, "form", form, "item", item, "expression", expression,
                "severity", severity, "messageEn", messageEn, "messageZh", messageZh);
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                CheckDefinition definition = definition();
                if (existing == null) {
                    checks.add(studyId, definition);
                } else {
                    checks.change(existing.id(), definition);
                }
                onSaved.run();
                close();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private void labels() {
        code.setLabel(getTranslation("edit-check.code"));
        code.setHelperText(getTranslation("edit-check.code.help"));
        kind.setLabel(getTranslation("edit-check.kind"));
        form.setLabel(getTranslation("edit-check.form"));
        item.setLabel(getTranslation("edit-check.item"));
        item.setHelperText(getTranslation("edit-check.item.help"));
        expression.setLabel(getTranslation("edit-check.expression"));
        expression.setHelperText(getTranslation("edit-check.expression.help"));
        severity.setLabel(getTranslation("edit-check.severity"));
        messageEn.setLabel(getTranslation("edit-check.message-en"));
        messageZh.setLabel(getTranslation("edit-check.message-zh"));
        enabled.setLabel(getTranslation("edit-check.enabled"));
    }

    private void fill(@Nullable EditCheckRow existing) {
        if (existing == null) {
            kind.setValue(FormKind.INSTRUMENT);
            severity.setValue(CheckSeverity.SOFT);
            enabled.setValue(true);
            return;
        }
        CheckDefinition d = existing.definition();
        code.setValue(nonNull(d.code()));
        kind.setValue(d.kind());
        form.setValue(d.form());
        item.setValue(d.item());
        expression.setValue(nonNull(d.expression()));
        severity.setValue(d.severity());
        messageEn.setValue(nonNull(d.messageEn()));
        messageZh.setValue(nonNull(d.messageZh()));
        enabled.setValue(d.enabled());
    }

    /** An instrument's check names one of the study's scheduled instruments; the other kinds have one form each. */
    private void forms() {
        FormKind chosen = kind.getValue();
        List<String> codes = chosen == null ? List.of() : chosen == FormKind.INSTRUMENT ? checks
                .scheduledInstruments(studyId) : List.of(chosen.code());
        form.setItems(codes);
        form.setValue(codes.size() == 1 ? codes.getFirst() : null);
        form.setReadOnly(chosen != FormKind.INSTRUMENT);
    }

    private void items() {
        FormKind chosen = kind.getValue();
        String value = item.getValue();
        List<String> names = chosen == null || form.getValue() == null ? List.of() : checks.fieldNames(studyId,
                chosen, form.getValue());
        item.setItems(names);
        item.setValue(names.contains(value) ? value : null);
    }

    private CheckDefinition definition() {
        return new CheckDefinition(code.getValue().strip(), kind.getValue(), form.getValue(), item.getValue(),
                expression.getValue(), severity.getValue(), messageEn.getValue().strip(), messageZh.getValue()
                        .strip(), enabled.getValue());
    }

    private static String nonNull(@Nullable String text) {
        return text == null ? "" : text;
    }
}
