package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.FormMarks;
import org.researchportal.quality.Signatures;
import org.springframework.core.annotation.Order;

/**
 * A form's signature wherever the form is read: the newest signature over it, valid or struck through as voided.
 * Shown to those who read signatures (monitors, clinicians, the tenant administrator).
 */
@org.springframework.stereotype.Component
@Order(30)
class SignatureMarks implements FormMarks {

    private final Signatures signatures;

    SignatureMarks(Signatures signatures) {
        this.signatures = signatures;
    }

    @Override
    public List<Component> forForm(ClinicalForm form) {
        boolean reader = CurrentUser.get().filter(u -> u.hasRole(PortalRole.MONITOR) || u.hasRole(PortalRole.CLINICIAN)
                || u.hasRole(PortalRole.TENANT_ADMIN)).isPresent();
        if (!reader) {
            return List.of();
        }
        return signatures.ofParticipant(form.participantId()).stream().filter(s -> s.forms().contains(form.key()))
                .findFirst().<Component>map(SignatureLine::new).map(List::of).orElse(List.of());
    }
}
