package org.researchportal.assessments;

import static org.researchportal.assessments.AdverseEventService.ENTITY;
import static org.researchportal.assessments.AdverseEventService.label;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.ParticipantContact;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantService;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Possible adverse events heard of on follow-up calls, as drafts waiting for a clinician: recorded as an adverse event
 * with the clinician's judgement (through {@link AdverseEventService}), or dismissed with a reason.
 */
@Service
public class AdverseEventDrafts {

    private final AdverseEventDraftRecords drafts;
    private final ParticipantService participants;
    private final ParticipantContacts contacts;
    private final AdverseEventService reports;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    AdverseEventDrafts(AdverseEventDraftRecords drafts, ParticipantService participants,
            ParticipantContacts contacts, AdverseEventService reports, AuditTrail audit, Clock clock,
            ClinicalRecordLocks locks) {
        this.locks = locks;
        this.drafts = drafts;
        this.participants = participants;
        this.contacts = contacts;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens a draft for a clinician to review: a possible adverse event heard of on a follow-up call. The
     * coordinator records what was said; grading, seriousness and relatedness are the clinician's judgement.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public String openDraft(String participantId, String description, LocalDate noticedOn, String source) {
        ParticipantContact participant = contacts.contact(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        locks.requireStudyOpen(participant.studyId());
        if (Inputs.isBlankOrLonger(description, AdverseEventReport.DESCRIPTION_MAX_LENGTH)) {
            throw ValidationException.of("description", "ae.description.invalid");
        }
        if (noticedOn == null) {
            throw ValidationException.of("onset", "ae.onset.invalid");
        }
        AdverseEventDraft draft = drafts.add(new AdverseEventDraft(participant.studyId(), participantId,
                description.trim(), noticedOn, source, CurrentUser.require().username(), clock.instant()));
        audit.record("adverse-event.draft-opened", ENTITY, draft.requireId(), null, Map.of("participantId",
                participantId, "description", description.trim(), "noticedOn", noticedOn, "source", source), null);
        return draft.requireId();
    }

    /** The drafts of a study still waiting for a clinician, oldest first. */
    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventDraftRow> openDrafts(String studyId) {
        // Each participant's record read once, however many of their drafts are open.
        Map<String, String> labels = new HashMap<>();
        return drafts.openOfStudy(studyId).stream().map(d -> d.toRow(labels.computeIfAbsent(d.getParticipantId(),
                id -> label(participants.participantRecord(id))))).toList();
    }

    /** A participant's drafts still waiting for a clinician. */
    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventDraftRow> openDraftsOf(String participantId) {
        ParticipantRecord participant = participants.participantRecord(participantId);
        return drafts.openOfParticipant(participantId).stream().map(d -> d.toRow(label(participant))).toList();
    }

    /** Records a draft as an adverse event with the clinician's judgement; the draft points at it from then on. */
    @Secured(Authorities.CLINICIAN)
    public String reportFromDraft(String draftId, AdverseEventReport report) {
        AdverseEventDraft draft = stillOpen(draftId);
        locks.requireWritable(ClinicalForm.adverseEvent(draft.getStudyId(), draft.getParticipantId(), ""));
        ParticipantRecord participant = participants.participantRecord(draft.getParticipantId());
        // Checked before the draft is claimed, so a refused report leaves it open for the clinician to correct.
        reports.validate(report, participant);
        // Claimed before the event is written: two clinicians recording the same draft make one event, not two.
        close(draft, AdverseEventDraft.State.RECORDED, null);
        String adverseEventId = reports.recorded(participant, report);
        drafts.linkEvent(draft.requireId(), adverseEventId);
        audit.record("adverse-event.draft-linked", ENTITY, draft.requireId(), null, Map.of("participantId",
                draft.getParticipantId(), "adverseEventId", adverseEventId), null);
        return adverseEventId;
    }

    /** Dismisses a draft that is not an adverse event, saying why. */
    @Secured(Authorities.CLINICIAN)
    public void dismissDraft(String draftId, String reason) {
        AdverseEventDraft draft = stillOpen(draftId);
        locks.requireStudyOpen(draft.getStudyId());
        if (Inputs.isBlankOrLonger(reason, AssessmentService.REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        close(draft, AdverseEventDraft.State.DISMISSED, reason.trim());
    }

    private AdverseEventDraft stillOpen(String draftId) {
        AdverseEventDraft draft = drafts.draft(draftId);
        if (draft.getState() != AdverseEventDraft.State.OPEN) {
            throw ValidationException.of("draft", "ae.draft.closed");
        }
        return draft;
    }

    private void close(AdverseEventDraft draft, AdverseEventDraft.State state, @Nullable String note) {
        if (!drafts.close(draft.requireId(), state, CurrentUser.require().username(), note)) {
            throw ValidationException.of("draft", "ae.draft.closed");
        }
        audit.record("adverse-event.draft-" + state.name().toLowerCase(Locale.ROOT), ENTITY,
                draft.requireId(), Map.of("participantId", draft.getParticipantId(), "state",
                        AdverseEventDraft.State.OPEN.name()), Map.of("participantId", draft.getParticipantId(),
                                "state", state.name()), note);
    }
}
