package org.researchportal.tenancy.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.researchportal.base.ValidationException;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.tenancy.Tenant;
import org.researchportal.tenancy.TenantService;

/** Edits a tenant's name and time zone; the code stays, since tokens and archives carry it. */
final class TenantDialog extends Dialog {

    TenantDialog(TenantService tenants, Tenant tenant, Runnable saved) {
        setHeaderTitle(getTranslation("tenant.edit", tenant.id()));
        var name = new TextField(getTranslation("tenant.name"));
        name.setMaxLength(Tenant.NAME_MAX_LENGTH);
        name.setValue(tenant.name());
        var nameZh = new TextField(getTranslation("tenant.name-zh"));
        nameZh.setMaxLength(Tenant.NAME_MAX_LENGTH);
        nameZh.setValue(tenant.nameZh() == null ? "" : tenant.nameZh());
        var timeZone = NewTenantForm.timeZones(getTranslation("tenant.timezone"));
        timeZone.setValue(tenant.timeZone());
        Map<String, HasValidation> fields = Map.of("name", name, "timeZone", timeZone, "nameZh", nameZh);
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                tenants.update(tenant.id(), name.getValue(), timeZone.getValue() == null ? "" : timeZone.getValue());
                tenants.nameInChinese(tenant.id(), nameZh.getValue());
                close();
                saved.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new FormLayout(name, nameZh, timeZone));
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
