package org.researchportal.quality;

import java.time.Clock;
import java.util.Objects;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.clinical.ClinicalDataChanged;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Any change to a verified form clears its mark, visibly: the mark keeps who verified it and when, and records the
 * change that cleared it (who, when, which items, why). Runs in the writer's thread with the writer's authority
 * (an assessor, a clinician, a coordinator), so it calls no role-checked service: it writes only the mark and its
 * audit entry, in the writer's tenant.
 */
@Component
class VerificationClearing {

    private final VerificationMarkRecords marks;
    private final AuditTrail audit;
    private final Clock clock;

    VerificationClearing(VerificationMarkRecords marks, AuditTrail audit, Clock clock) {
        this.marks = marks;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(ClinicalDataChanged event) {
        PortalUser writer = CurrentUser.require();
        if (!Objects.equals(event.tenantId(), writer.tenantId())) {
            return;
        }
        marks.of(event.form()).filter(m -> m.getState() == VerificationState.VERIFIED).ifPresent(mark -> {
            FormVerification before = mark.toRecord();
            if (marks.clear(mark, writer.username(), writer.displayName(), clock.instant(), event.items().stream()
                    .sorted().toList(), event.reason())) {
                FormVerification after = marks.of(event.form()).orElseThrow().toRecord();
                audit.record("verification.cleared", SourceVerification.ENTITY, mark.requireId(),
                        SourceVerification.trail(before), SourceVerification.trail(after), event.reason());
            }
        });
    }
}
