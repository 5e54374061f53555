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
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;

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
}
