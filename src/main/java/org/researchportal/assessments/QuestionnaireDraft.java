package org.researchportal.assessments;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The answers a participant has given so far to one questionnaire she has not sent yet, each kept as she gives it, so
 * a reload or a dropped connection resumes where she stopped. It is her scratch pad, not the study's record: sending
 * makes the assessment (audited) and the draft goes.
 */
@Document("questionnaire_drafts")
@CompoundIndex(name = "tenant_participant_timepoint_instrument",
        def = "{'tenantId': 1, 'participantId': 1, 'timepoint': 1, 'instrument': 1}", unique = true)
class QuestionnaireDraft extends TenantOwnedDocument {

    private String studyId;
    private String participantId;
    private String timepoint;
    private String instrument;
    /** The instrument version the form is drawn from: a version published meanwhile does not change her form. */
    private int instrumentVersion;
    private Map<String, String> answers = new LinkedHashMap<>();
    private Instant updatedAt;

    QuestionnaireDraft(String studyId, String participantId, String timepoint, String instrument,
            int instrumentVersion, Instant updatedAt) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.timepoint = timepoint;
        this.instrument = instrument;
        this.instrumentVersion = instrumentVersion;
        this.updatedAt = updatedAt;
    }

    String getStudyId() {
        return studyId;
    }

    int getInstrumentVersion() {
        return instrumentVersion;
    }

    Map<String, String> getAnswers() {
        return answers == null ? Map.of() : Map.copyOf(answers);
    }

    String getTimepoint() {
        return timepoint;
    }

    String getInstrument() {
        return instrument;
    }
}
