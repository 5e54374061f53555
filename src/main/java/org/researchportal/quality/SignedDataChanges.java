package org.researchportal.quality;

import java.time.Clock;
import java.time.Instant;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.clinical.ClinicalDataChanged;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A change to signed data voids the signature over it, visibly: a changed or newly recorded instrument at a signed
 * timepoint, a changed or newly reported adverse event of a participant whose adverse events were signed. The
 * signature stays, with when, by whom and why it was voided; the investigator signs again. Runs in the writer's
 * thread and security context, right after the change and its audit entry, so the void is the writer's act.
 */
@Component
class SignedDataChanges {

    private final TenantDocuments documents;
    private final AuditTrail audit;
    private final Clock clock;

    SignedDataChanges(TenantDocuments documents, AuditTrail audit, Clock clock) {
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(ClinicalDataChanged changed) {
        var form = changed.form();
        Criteria covers;
        if (form.kind() == FormKind.INSTRUMENT) {
            covers = Criteria.where("scope").is(SignatureScope.TIMEPOINT).and("timepoint").is(form.occasion());
        } else if (form.kind() == FormKind.ADVERSE_EVENT) {
            covers = Criteria.where("scope").is(SignatureScope.ADVERSE_EVENTS);
        } else {
            return;
        }
        PortalUser by = CurrentUser.require();
        Instant now = clock.instant();
        Query valid = Query.query(new Criteria().andOperator(Criteria.where("participantId").is(form.participantId())
                .and("voidedAt").isNull(), covers));
        // One at a time, each claimed by its still-valid state, so a signature is voided once whoever else writes.
        Signature voided;
        while ((voided = documents.findAndModify(valid, new Update().set("voidedAt", now).set("voidedBy",
                by.username()).set("voidedByName", by.displayName()).set("voidReason", changed.reason())
                .set("voidedForm", form.key()), FindAndModifyOptions.options().returnNew(true),
                Signature.class)) != null) {
            var record = voided.toRecord();
            audit.record("signature.voided", Signatures.ENTITY, record.id(), null, Signatures.auditView(record),
                    changed.reason());
        }
    }
}
