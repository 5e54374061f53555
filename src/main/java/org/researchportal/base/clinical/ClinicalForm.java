package org.researchportal.base.clinical;

import java.util.Objects;

/**
 * One case report form of one participant: an instrument at a timepoint, one adverse event, the consent, the
 * eligibility assessment or one follow-up call. It is what a monitor verifies, an investigator signs and a lock
 * freezes, and the place a query points at (with an item, as a {@link DataPoint}).
 *
 * @param form the instrument's code, or the kind's code for the other kinds
 * @param occasion the timepoint's code for an instrument, the record's id for an adverse event or a call, empty for
 *     consent and eligibility
 */
public record ClinicalForm(String studyId, String participantId, FormKind kind, String form, String occasion) {

    public ClinicalForm {
        Objects.requireNonNull(studyId);
        Objects.requireNonNull(participantId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(form);
        Objects.requireNonNull(occasion);
    }

    public static ClinicalForm instrument(String studyId, String participantId, String timepoint, String instrument) {
        return new ClinicalForm(studyId, participantId, FormKind.INSTRUMENT, instrument, timepoint);
    }

    public static ClinicalForm adverseEvent(String studyId, String participantId, String adverseEventId) {
        return new ClinicalForm(studyId, participantId, FormKind.ADVERSE_EVENT, FormKind.ADVERSE_EVENT.code(),
                adverseEventId);
    }

    public static ClinicalForm consent(String studyId, String participantId) {
        return new ClinicalForm(studyId, participantId, FormKind.CONSENT, FormKind.CONSENT.code(), "");
    }

    public static ClinicalForm eligibility(String studyId, String participantId) {
        return new ClinicalForm(studyId, participantId, FormKind.ELIGIBILITY, FormKind.ELIGIBILITY.code(), "");
    }

    public static ClinicalForm followUpCall(String studyId, String participantId, String callId) {
        return new ClinicalForm(studyId, participantId, FormKind.FOLLOW_UP_CALL, FormKind.FOLLOW_UP_CALL.code(),
                callId);
    }

    /** A stable key naming this form within its participant, e.g. {@code instrument:bpi@baseline}. */
    public String key() {
        return kind.code() + ":" + form + "@" + occasion;
    }

    /** One field of this form. */
    public DataPoint item(String item) {
        return new DataPoint(this, item);
    }
}
