package org.researchportal.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;

/** Changes the roles one account holds. */
final class RolesDialog extends Dialog {

    RolesDialog(AccountService accounts, AccountRow account, Runnable onSaved) {
        setHeaderTitle(getTranslation("users.roles-of", account.displayName()));
        var roles = new RoleChoice();
        roles.setValue(account.roles());
        add(roles);
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                accounts.changeRoles(account.id(), roles.getValue());
                onSaved.run();
                close();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, Map.of("roles", roles));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
