package org.researchportal.quality;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.storage.PersonalText;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.convert.ValueConverter;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A monitor's lock on one form of a participant ({@link org.researchportal.base.clinical.ClinicalForm#key()}), or on
 * the whole participant ({@link #WHOLE_PARTICIPANT}). An unlock removes it; both are in the audit trail.
 */
@Document("form_locks")
@CompoundIndex(name = "tenant_participant_form", def = "{'tenantId': 1, 'participantId': 1, 'formKey': 1}",
        unique = true)
@CompoundIndex(name = "tenant_study", def = "{'tenantId': 1, 'studyId': 1}")
class FormLock extends TenantOwnedDocument {

    static final String WHOLE_PARTICIPANT = "*";

    private String studyId;
    private String participantId;
    private String formKey;
    private String lockedBy;
    @ValueConverter(PersonalText.class)
    private String lockedByName;
    private Instant lockedAt;
    private @Nullable String reason;

    FormLock(String studyId, String participantId, String formKey, String lockedBy, String lockedByName,
            Instant lockedAt) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.formKey = formKey;
        this.lockedBy = lockedBy;
        this.lockedByName = lockedByName;
        this.lockedAt = lockedAt;
    }

    String getStudyId() {
        return studyId;
    }

    String getParticipantId() {
        return participantId;
    }

    String getFormKey() {
        return formKey;
    }

    String getLockedBy() {
        return lockedBy;
    }

    String getLockedByName() {
        return lockedByName;
    }

    Instant getLockedAt() {
        return lockedAt;
    }

    /** Why the monitor locked it, when they said. */
    FormLock because(@Nullable String why) {
        this.reason = why;
        return this;
    }

    FormLockRow toRow() {
        return new FormLockRow(requireId(), studyId, participantId, formKey, wholeParticipant(), lockedByName,
                lockedAt, reason);
    }

    boolean wholeParticipant() {
        return WHOLE_PARTICIPANT.equals(formKey);
    }
}
