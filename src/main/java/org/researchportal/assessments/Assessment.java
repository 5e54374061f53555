package org.researchportal.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.SignInWay;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One instrument recorded for one participant at one timepoint: the answers as entered and the scores computed. */
@Document("assessments")
@CompoundIndex(name = "tenant_participant_timepoint_instrument",
        def = "{'tenantId': 1, 'participantId': 1, 'timepoint': 1, 'instrument': 1}", unique = true)
@CompoundIndex(name = "tenant_study_timepoint", def = "{'tenantId': 1, 'studyId': 1, 'timepoint': 1}")
class Assessment extends TenantOwnedDocument {

    private String studyId;
    private String participantId;
    private String timepoint;
    private String instrument;
    // Entries made before instruments had versions carry none: they were made with version 1.
    private @Nullable Integer instrumentVersion;
    private LocalDate assessedOn;
    private Map<String, String> answers;
    private Map<String, Double> scores;
    private String assessedBy;
    private Instant recordedAt;
    // Entries from before this was kept carry none: their first recording time is not known apart from recordedAt.
    private @Nullable Instant answeredAt;
    // Entries made before participants answered themselves carry none: staff entered them.
    private @Nullable Respondent respondent;
    /** How the participant proved who she was when she answered; none for staff entries. */
    private @Nullable SignInWay identifiedBy;

    Assessment(String studyId, String participantId, String timepoint, String instrument,
            @Nullable Integer instrumentVersion, LocalDate assessedOn, Map<String, String> answers,
            Map<String, Double> scores,
            String assessedBy, Instant recordedAt) {
        this.studyId = studyId;
        this.participantId = participantId;
        this.timepoint = timepoint;
        this.instrument = instrument;
        this.instrumentVersion = instrumentVersion;
        this.assessedOn = assessedOn;
        this.answers = answers;
        this.scores = scores;
        this.assessedBy = assessedBy;
        this.recordedAt = recordedAt;
        this.answeredAt = recordedAt;
    }

    /** A participant's own answers, with how she was identified when she gave them. */
    static Assessment answeredByParticipant(String studyId, String participantId, String timepoint,
            String instrument, int instrumentVersion, LocalDate answeredOn, Map<String, String> answers,
            Map<String, Double> scores, String username, Instant recordedAt, SignInWay identifiedBy) {
        Assessment answered = new Assessment(studyId, participantId, timepoint, instrument, instrumentVersion,
                answeredOn, answers, scores, username, recordedAt);
        answered.respondent = Respondent.PARTICIPANT;
        answered.identifiedBy = identifiedBy;
        return answered;
    }

    AssessmentRecord toRecord() {
        return new AssessmentRecord(requireId(), participantId, timepoint, instrument, getInstrumentVersion(),
                assessedOn, answers, scores,
                assessedBy, recordedAt, getRespondent(), identifiedBy, answeredAt == null ? recordedAt : answeredAt);
    }

    Respondent getRespondent() {
        return respondent == null ? Respondent.STAFF : respondent;
    }

    String getParticipantId() {
        return participantId;
    }

    String getTimepoint() {
        return timepoint;
    }

    String getInstrument() {
        return instrument;
    }

    int getInstrumentVersion() {
        return instrumentVersion == null ? 1 : instrumentVersion;
    }
}
