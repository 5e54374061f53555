package org.researchportal.quality;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.storage.PersonalText;
import org.researchportal.identity.SigningProof;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.convert.ValueConverter;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The principal investigator's electronic signature over a participant's timepoint (every instrument recorded at it)
 * or over their adverse events: who signed (name, account, username), when, meaning what, how they proved who they
 * were, and exactly what was signed (the forms and a digest of their data then, 21 CFR 11.70). Never changed or
 * removed; a later change to the signed data voids it, keeping who, when and why.
 */
@Document("signatures")
@CompoundIndex(name = "tenant_study_voided_signed", def = "{'tenantId': 1, 'studyId': 1, 'voidedAt': 1, 'signedAt': 1}")
@CompoundIndex(name = "tenant_participant_signed", def = "{'tenantId': 1, 'participantId': 1, 'signedAt': -1}")
@CompoundIndex(name = "tenant_participant_scope_voided_timepoint",
        def = "{'tenantId': 1, 'participantId': 1, 'scope': 1, 'voidedAt': 1, 'timepoint': 1}")
class Signature extends TenantOwnedDocument {

    private String studyId;
    private String participantId;
    private SignatureScope scope;
    private @Nullable String timepoint;
    private List<String> forms;
    private String digest;
    private String meaning;
    private String signerAccountId;
    private String signerUsername;
    // Personal data, sealed at rest.
    @ValueConverter(PersonalText.class)
    private String signerName;
    private Instant signedAt;
    private SigningProof.Method method;
    private boolean fullIdentification;
    private Instant reauthenticatedAt;
    private @Nullable Instant voidedAt;
    private @Nullable String voidedBy;
    @ValueConverter(PersonalText.class)
    private @Nullable String voidedByName;
    private @Nullable String voidReason;
    private @Nullable String voidedForm;

    @PersistenceCreator
    @SuppressWarnings("NullAway.Init")
    private Signature() {
        // Read from the database: every field is set from the stored document.
    }

    Signature(String studyId, String participantId, SignatureScope scope, @Nullable String timepoint,
            List<String> forms, String digest, String meaning, SigningProof proof, Instant signedAt) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.scope = scope;
        this.timepoint = timepoint;
        this.forms = List.copyOf(forms);
        this.digest = digest;
        this.meaning = meaning;
        this.signerAccountId = proof.accountId();
        this.signerUsername = proof.username();
        this.signerName = proof.displayName();
        this.method = proof.method();
        this.fullIdentification = proof.fullIdentification();
        this.reauthenticatedAt = proof.at();
        this.signedAt = signedAt;
    }

    SignatureRecord toRecord() {
        return new SignatureRecord(requireId(), studyId, participantId, scope, timepoint, forms, digest, meaning,
                signerAccountId, signerUsername, signerName, signedAt, method, fullIdentification, reauthenticatedAt,
                voidedAt, voidedBy, voidedByName, voidReason, voidedForm);
    }

    String getParticipantId() {
        return participantId;
    }
}
