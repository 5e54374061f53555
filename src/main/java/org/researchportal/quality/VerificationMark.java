package org.researchportal.quality;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.FormKind;
import org.researchportal.base.storage.PersonalText;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.convert.ValueConverter;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A monitor's mark that one form was checked against the source. A later change to the form does not erase it: the
 * mark is cleared, keeping who verified it and when beside the change that cleared it (who, when, which items), so the
 * form reads "verification cleared by a change" until verified again.
 */
@Document("verification_marks")
@CompoundIndex(name = "tenant_participant_form", def = "{'tenantId': 1, 'participantId': 1, 'formKey': 1}",
        unique = true)
@CompoundIndex(name = "tenant_study", def = "{'tenantId': 1, 'studyId': 1}")
class VerificationMark extends TenantOwnedDocument {

    private String studyId;
    private String participantId;
    private String formKey;
    private FormKind kind;
    private String form;
    private String occasion;
    private VerificationState state;
    private String verifiedBy;
    @ValueConverter(PersonalText.class)
    private String verifiedByName;
    private Instant verifiedAt;
    private @Nullable String clearedBy;
    @ValueConverter(PersonalText.class)
    private @Nullable String clearedByName;
    private @Nullable Instant clearedAt;
    private @Nullable List<String> clearedItems;
    private @Nullable String clearedReason;

    VerificationMark(String studyId, String participantId, String formKey, FormKind kind, String form,
            String occasion, VerificationState state, String verifiedBy, String verifiedByName, Instant verifiedAt) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.formKey = formKey;
        this.kind = kind;
        this.form = form;
        this.occasion = occasion;
        this.state = state;
        this.verifiedBy = verifiedBy;
        this.verifiedByName = verifiedByName;
        this.verifiedAt = verifiedAt;
    }

    static VerificationMark verified(ClinicalForm form, String by, String byName, Instant at) {
        return new VerificationMark(form.studyId(), form.participantId(), form.key(), form.kind(), form.form(),
                form.occasion(), VerificationState.VERIFIED, by, byName, at);
    }

    ClinicalForm clinicalForm() {
        return new ClinicalForm(studyId, participantId, kind, form, occasion);
    }

    String getParticipantId() {
        return participantId;
    }

    String getFormKey() {
        return formKey;
    }

    VerificationState getState() {
        return state;
    }

    FormVerification toRecord() {
        return new FormVerification(clinicalForm(), state, verifiedByName, verifiedAt, clearedByName, clearedAt,
                clearedItems == null ? List.of() : clearedItems, clearedReason);
    }
}
