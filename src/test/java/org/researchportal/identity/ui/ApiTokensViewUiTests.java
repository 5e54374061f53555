package org.researchportal.identity.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.identity.ApiTokenKind;

/** A person makes a token for one of their roles, sees the secret once, and can revoke it. */
class ApiTokensViewUiTests extends UiTest {

    @Test
    void makesShowsOnceAndRevokes() {
        signInToUi("lakeside.assessor");
        UI.getCurrent().navigate("api-tokens");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Stats laptop");
        _click(_get(Button.class, spec -> spec.withText("Make a token")));
        Dialog shown = _get(Dialog.class);
        String secret = _get(shown, TextField.class).getValue();
        assertThat(secret).startsWith("rp_").hasSizeGreaterThan(40);
        assertThat(allCells(_get(Grid.class))).contains("Stats laptop", "Assessor").doesNotContain(secret);

        _click(_get(Button.class, spec -> spec.withText("Close")));
        Grid<?> grid = _get(Grid.class);
        _click((Button) GridKt._getCellComponent(grid, 0, "actions"));
        assertThat(allCells(grid)).anyMatch(cell -> cell.contains("Revoked"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void makesARedcapTokenForOneStudyAndShowsTheApiAddress() {
        signInToUi("lakeside.assessor");
        UI.getCurrent().navigate("api-tokens");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Select.class, spec -> spec.withLabel(
                "Study"))).as("the study only for a REDCap token").isEmpty();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "REDCapR on the stats laptop");
        _setValue((Select<ApiTokenKind>) _get(Select.class, spec -> spec.withLabel("Kind")), ApiTokenKind.REDCAP);
        Select<String> study = _get(Select.class, spec -> spec.withLabel("Study"));
        assertThat(study.isVisible()).isTrue();
        assertThat(study.getValue()).isNotNull();
        _click(_get(Button.class, spec -> spec.withText("Make a token")));
        Dialog shown = _get(Dialog.class);
        List<TextField> values = com.github.mvysny.kaributesting.v10.LocatorJ._find(shown, TextField.class);
        assertThat(values.get(0).getValue()).matches("[0-9A-F]{32}");
        assertThat(values.get(1).getValue()).endsWith("/redcap/api/");
        assertThat(allCells(_get(Grid.class))).contains("REDCapR on the stats laptop", "REDCap API · STRIDE-K");
    }
}
