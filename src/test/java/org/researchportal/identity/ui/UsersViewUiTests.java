package org.researchportal.identity.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;

/** The tenant administrator creates accounts; bad input is refused at the field and nothing is stored. */
class UsersViewUiTests extends UiTest {

    @Autowired
    AccountService accounts;
    @Autowired
    MongoOperations mongo;

    private void openNewAccountDialog() {
        signInToUi("fudan.admin");
        UI.getCurrent().navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withText("New account")));
    }

    @Test
    void createsAnAccountWithRolesThatAppearsInTheList() {
        openNewAccountDialog();
        _setValue(_get(TextField.class, spec -> spec.withLabel("Username")), "new.nurse");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "New Nurse");
        _setValue(_get(PasswordField.class, spec -> spec.withLabel("Initial password")), "a-long-password");
        _setValue(_get(RoleChoice.class), Set.of(PortalRole.COORDINATOR));
        _click(_get(Button.class, spec -> spec.withText("Create")));

        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(allCells(_get(Grid.class))).contains("new.nurse", "New Nurse", "Coordinator");
    }

    @Test
    void refusesABadUsernameAndShortPasswordAtTheirFieldsAndStoresNothing() {
        openNewAccountDialog();
        long before = accounts.accountCount();
        TextField username = _get(TextField.class, spec -> spec.withLabel("Username"));
        PasswordField password = _get(PasswordField.class, spec -> spec.withLabel("Initial password"));
        _setValue(username, "No Spaces Allowed");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Someone");
        _setValue(password, "short");
        _click(_get(Button.class, spec -> spec.withText("Create")));

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).startsWith("Use 3 to 64 lower-case letters");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).startsWith("The password must have at least 10 characters");
        assertThat(_find(Dialog.class)).hasSize(1);
        assertThat(accounts.accountCount()).isEqualTo(before);
        assertThat(accounts.accounts(Pageable.unpaged()).stream()).noneMatch(a -> a.displayName().equals("Someone"));
    }

    /** Someone brought in with an institution archive has no password: their administrator hands them a link. */
    @Test
    void anAccountWithoutAPasswordGetsASetPasswordLinkAndOneWithAPasswordDoesNot() {
        signInToUi("fudan.admin");
        accounts.create(new NewAccount("moved.nurse", "Moved Nurse", null, "en", Set.of(PortalRole.COORDINATOR),
                "a-long-password"));
        accounts.create(new NewAccount("kept.nurse", "Kept Nurse", null, "en", Set.of(PortalRole.COORDINATOR),
                "a-long-password"));
        mongo.getCollection("accounts").updateOne(new Document("username", "moved.nurse"),
                new Document("$unset", new Document("passwordHash", "")));
        UI.getCurrent().navigate("admin/users");

        assertThat(_find(rowActions("kept.nurse"), Button.class, spec -> spec.withText("Set-password link")))
                .isEmpty();
        _click(_get(rowActions("moved.nurse"), Button.class, spec -> spec.withText("Set-password link")));
        Dialog dialog = _get(Dialog.class);
        assertThat(_get(dialog, TextField.class, spec -> spec.withLabel("Set-password link")).getValue())
                .contains("/set-password/");
        assertThat(dialog.getElement().getTextRecursively()).contains("Hand this link to moved.nurse");
    }

    @SuppressWarnings("unchecked")
    private static com.vaadin.flow.component.Component rowActions(String username) {
        Grid<org.researchportal.identity.AccountRow> grid = _get(Grid.class);
        for (int row = 0; row < com.github.mvysny.kaributesting.v10.GridKt._size(grid); row++) {
            if (com.github.mvysny.kaributesting.v10.GridKt._get(grid, row).username().equals(username)) {
                return com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, row, "actions");
            }
        }
        throw new AssertionError("No row for " + username);
    }
}
