package org.researchportal.quality.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.quality.CheckSeverity;

/** The data manager lists a study's checks, writes one (its expression's error shown at it) and runs them all. */
class EditChecksViewUiTests extends UiTest {

    @Test
    void theMonitorWritesACheckSeesAnExpressionErrorAtItAndRunsAll() {
        signInToUi("fudan.monitor");
        UI.getCurrent().navigate("edit-checks");
        assertThat(allCells(_get(Grid.class))).contains("bpi_worst_below_least", "grip_right_trials_apart");

        _click(_get(Button.class, spec -> spec.withText("Add a check")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Code")), "ui_qol_low");
        _setValue(_get(Select.class, spec -> spec.withLabel("Kind of form")), FormKind.INSTRUMENT);
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Form")), "bpi_sf");
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Field the message points at")), "now");
        TextArea expression = _get(TextArea.class, spec -> spec.withLabel("Expression (true when the data are wrong)"));
        _setValue(expression, "[now] > [nope]");
        _setValue(_get(Select.class, spec -> spec.withLabel("What it does")), CheckSeverity.SOFT);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Message in English")), "Pain now above worst.");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Message in Chinese")), "目前疼痛高于最严重疼痛。");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(expression.isInvalid()).isTrue();
        assertThat(expression.getErrorMessage()).isEqualTo(
                "This form has no field \"nope\" (at character 9): the fields are listed under \"Field the message points at\".");
        _setValue(expression, "[now] > [worst]");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(allCells(_get(Grid.class))).contains("ui_qol_low", "[now] > [worst]");

        _click(_get(Button.class, spec -> spec.withText("Run all checks")));
        assertThat(viewText()).contains("Checks over the saved data");
    }

    @Test
    void theAssessorHasNoEditChecksScreen() {
        signInToUi("fudan.assessor");
        assertThatThrownBy(() -> UI.getCurrent().navigate("edit-checks")).hasMessageContaining("Access is denied");
    }
}
