package org.researchportal.identity.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import org.researchportal.base.security.PortalRole;

/** The roles a tenant administrator may give (every role but platform administrator). */
final class RoleChoice extends CheckboxGroup<PortalRole> {

    RoleChoice() {
        setLabel(getTranslation("account.roles"));
        setItems(PortalRole.tenantRoles());
        setItemLabelGenerator(r -> getTranslation(r.messageKey()));
    }
}
