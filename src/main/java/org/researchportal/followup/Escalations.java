package org.researchportal.followup;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** What calls escalated to the clinicians: shown on their dashboard until one of them has handled it. */
@Service
public class Escalations {

    static final int NOTE_MAX_LENGTH = 1000;

    private final EscalationRecords records;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    Escalations(EscalationRecords records, AuditTrail audit, Clock clock, ClinicalRecordLocks locks) {
        this.locks = locks;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** The open escalations of a study, oldest first (the longest waiting at the top). */
    @Secured({Authorities.CLINICIAN, Authorities.COORDINATOR})
    public List<Escalation> open(String studyId) {
        return records.openOfStudy(studyId);
    }

    /** A participant's open escalations, for the coordinator's next call. */
    @Secured({Authorities.CLINICIAN, Authorities.COORDINATOR})
    public List<Escalation> openFor(String participantId) {
        return records.openOf(participantId);
    }

    /** Marks an escalation handled, with what the clinician did; audited. */
    @Secured(Authorities.CLINICIAN)
    public void handle(String escalationId, String note) {
        Escalation escalation = records.escalation(escalationId);
        locks.requireStudyOpen(escalation.getStudyId());
        if (Inputs.isBlankOrLonger(note, NOTE_MAX_LENGTH)) {
            throw ValidationException.of("note", "escalation.note.required");
        }
        if (!records.markHandled(escalationId, clock.instant(), CurrentUser.require().username(), note.trim())) {
            throw ValidationException.of("note", "escalation.handled-already");
        }
        audit.record("escalation.handled", "Escalation", escalationId, Map.of("open", true),
                Map.of("participantId", escalation.getParticipantId(), "kind", escalation.getKind().name(),
                        "note", note.trim()), null);
    }

    Escalation raise(FollowUpCall call, Escalation.Kind kind, String detail) {
        Escalation escalation = records.raise(new Escalation(call.getParticipantId(), call.getStudyId(),
                call.requireId(), kind, detail, clock.instant(), CurrentUser.require().username()));
        audit.record("escalation.raised", "Escalation", escalation.requireId(), null, Map.of("participantId",
                call.getParticipantId(), "callId", call.requireId(), "kind", kind.name(), "detail", detail), null);
        return escalation;
    }
}
