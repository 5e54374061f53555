package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.FormMarks;
import org.researchportal.quality.RecordLocking;
import org.researchportal.quality.SourceVerification;
import org.springframework.core.annotation.Order;

/**
 * A form's verification mark and locks in its header, wherever it is read or entered, so a site user sees a form is
 * locked or verified before typing; a monitor verifies, locks and unlocks there.
 */
@org.springframework.stereotype.Component
@Order(20)
class VerificationMarks implements FormMarks {

    /** Those who read the marks: the site's people, the monitor and the tenant administrator. */
    private static final Set<PortalRole> READERS = EnumSet.of(PortalRole.MONITOR, PortalRole.TENANT_ADMIN,
            PortalRole.CLINICIAN, PortalRole.ASSESSOR);

    private final SourceVerification verification;
    private final RecordLocking locking;

    VerificationMarks(SourceVerification verification, RecordLocking locking) {
        this.verification = verification;
        this.locking = locking;
    }

    @Override
    public List<Component> forForm(ClinicalForm form) {
        boolean reader = CurrentUser.get().map(u -> READERS.stream().anyMatch(u::hasRole)).orElse(false);
        return reader ? List.of(new FormQualityMark(form, verification, locking)) : List.of();
    }
}
