package org.researchportal.assessments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.ParticipantContact;
import org.researchportal.participants.ParticipantContacts;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Adverse events, reported and followed up by clinicians; a serious one is announced to the tenant's clinicians. */
@Service
public class AdverseEventService {

    static final String ENTITY = "AdverseEvent";

    private final TenantDocuments documents;
    private final ParticipantService participants;
    private final ParticipantContacts contacts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AdverseEventService(TenantDocuments documents, ParticipantService participants, ParticipantContacts contacts,
            AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.documents = documents;
        this.participants = participants;
        this.contacts = contacts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Secured(Authorities.CLINICIAN)
    public String report(String participantId, AdverseEventReport report) {
        ParticipantRecord participant = participants.participantRecord(participantId);
        validate(report, participant);
        return recorded(participant, report);
    }

    /** Stores a checked report, audits it and tells of a serious one; answers the event's id. */
    private String recorded(ParticipantRecord participant, AdverseEventReport report) {
        String participantId = participant.id();
        boolean serious = isSerious(report);
        AdverseEvent event = documents.insert(new AdverseEvent(participant.studyId(), participantId, report, serious,
                !report.outcome().resolved(), CurrentUser.require().username(), clock.instant()));
        audit.record("adverse-event.reported", ENTITY, event.requireId(), null, Map.of("participantId",
                participantId, "report", report), null);
        if (serious) {
            events.publishEvent(new SeriousAdverseEventReported(documents.currentTenantId(), participant.studyId(),
                    participantId, event.requireId(), clock.instant()));
        }
        return event.requireId();
    }

    /**
     * Opens a draft for a clinician to review: a possible adverse event heard of on a follow-up call. The
     * coordinator records what was said; grading, seriousness and relatedness are the clinician's judgement.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public String openDraft(String participantId, String description, LocalDate noticedOn, String source) {
        ParticipantContact participant = contacts.contact(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        if (Inputs.isBlankOrLonger(description, AdverseEventReport.DESCRIPTION_MAX_LENGTH)) {
            throw ValidationException.of("description", "ae.description.invalid");
        }
        if (noticedOn == null) {
            throw ValidationException.of("onset", "ae.onset.invalid");
        }
        AdverseEventDraft draft = documents.insert(new AdverseEventDraft(participant.studyId(), participantId,
                description.trim(), noticedOn, source, CurrentUser.require().username(), clock.instant()));
        audit.record("adverse-event.draft-opened", ENTITY, draft.requireId(), null, Map.of("participantId",
                participantId, "description", description.trim(), "noticedOn", noticedOn, "source", source), null);
        return draft.requireId();
    }

    /** The drafts of a study still waiting for a clinician, oldest first. */
    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventDraftRow> openDrafts(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("state")
                .is(AdverseEventDraft.State.OPEN)).with(Sort.by("raisedAt")), AdverseEventDraft.class).stream()
                .map(d -> d.toRow(label(participants.participantRecord(d.getParticipantId())))).toList();
    }

    /** A participant's drafts still waiting for a clinician. */
    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventDraftRow> openDraftsOf(String participantId) {
        ParticipantRecord participant = participants.participantRecord(participantId);
        return documents.find(Query.query(Criteria.where("participantId").is(participantId).and("state")
                .is(AdverseEventDraft.State.OPEN)).with(Sort.by("raisedAt")), AdverseEventDraft.class).stream()
                .map(d -> d.toRow(label(participant))).toList();
    }

    /** Records a draft as an adverse event with the clinician's judgement; the draft points at it from then on. */
    @Secured(Authorities.CLINICIAN)
    public String reportFromDraft(String draftId, AdverseEventReport report) {
        AdverseEventDraft draft = openDraft(draftId);
        ParticipantRecord participant = participants.participantRecord(draft.getParticipantId());
        // Checked before the draft is claimed, so a refused report leaves it open for the clinician to correct.
        validate(report, participant);
        // Claimed before the event is written: two clinicians recording the same draft make one event, not two.
        close(draft, AdverseEventDraft.State.RECORDED, null);
        String adverseEventId = recorded(participant, report);
        documents.updateFirst(Query.query(Criteria.where("_id").is(draft.requireId())),
                new Update().set("adverseEventId", adverseEventId).inc("version", 1), AdverseEventDraft.class);
        audit.record("adverse-event.draft-linked", ENTITY, draft.requireId(), null, Map.of("participantId",
                draft.getParticipantId(), "adverseEventId", adverseEventId), null);
        return adverseEventId;
    }

    /** Dismisses a draft that is not an adverse event, saying why. */
    @Secured(Authorities.CLINICIAN)
    public void dismissDraft(String draftId, String reason) {
        AdverseEventDraft draft = openDraft(draftId);
        if (Inputs.isBlankOrLonger(reason, AssessmentService.REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        close(draft, AdverseEventDraft.State.DISMISSED, reason.trim());
    }

    private AdverseEventDraft openDraft(String draftId) {
        AdverseEventDraft draft = documents.getById(draftId, AdverseEventDraft.class);
        if (draft.getState() != AdverseEventDraft.State.OPEN) {
            throw ValidationException.of("draft", "ae.draft.closed");
        }
        return draft;
    }

    private void close(AdverseEventDraft draft, AdverseEventDraft.State state, @Nullable String note) {
        Update update = new Update().set("state", state).set("closedBy", CurrentUser.require().username())
                .inc("version", 1);
        if (note != null) {
            update.set("closedNote", note);
        }
        if (documents.updateFirst(Query.query(Criteria.where("_id").is(draft.requireId()).and("state")
                .is(AdverseEventDraft.State.OPEN)), update, AdverseEventDraft.class) == 0) {
            throw ValidationException.of("draft", "ae.draft.closed");
        }
        audit.record("adverse-event.draft-" + state.name().toLowerCase(java.util.Locale.ROOT), ENTITY,
                draft.requireId(), Map.of("participantId", draft.getParticipantId(), "state",
                        AdverseEventDraft.State.OPEN.name()), Map.of("participantId", draft.getParticipantId(),
                        "state", state.name()), note);
    }

    /** Follows an event up (outcome, resolution, corrections): a change of reported data, so it needs a reason. */
    @Secured(Authorities.CLINICIAN)
    public void update(String adverseEventId, AdverseEventReport report, String reason) {
        AdverseEvent existing = documents.getById(adverseEventId, AdverseEvent.class);
        validate(report, participants.participantRecord(existing.getParticipantId()));
        if (Inputs.isBlankOrLonger(reason, AssessmentService.REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        boolean serious = isSerious(report);
        long changed = documents.updateFirst(Query.query(Criteria.where("_id").is(adverseEventId).and("version")
                .is(existing.getVersion())), new Update().set("report", report).set("serious", serious)
                .set("open", !report.outcome().resolved()).inc("version", 1), AdverseEvent.class);
        if (changed == 0) {
            throw ValidationException.of("reason", "ae.changed-meanwhile");
        }
        // The participant named on both sides files the entry in their trail; it is no change.
        audit.record("adverse-event.updated", ENTITY, adverseEventId, Map.of("participantId",
                existing.getParticipantId(), "report", existing.getReport()), Map.of("participantId",
                existing.getParticipantId(), "report", report), reason.trim());
        if (serious && !isSerious(existing.getReport())) {
            events.publishEvent(new SeriousAdverseEventReported(documents.currentTenantId(), existingStudy(existing),
                    existing.getParticipantId(), adverseEventId, clock.instant()));
        }
    }

    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventRow> ofParticipant(String participantId) {
        ParticipantRecord participant = participants.participantRecord(participantId);
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "report.onset")), AdverseEvent.class).stream()
                .map(e -> e.toRow(label(participant))).toList();
    }

    /**
     * The adverse events of a page of a study's participants, for an export: by participant, then onset. Clinicians
     * only, as everywhere else: an event's relatedness to the programme would tell a blinded reader the arm.
     */
    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventRecord> eventsOf(String studyId, Collection<String> participantIds) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("participantId")
                .in(participantIds)).with(Sort.by("participantId", "report.onset", "reportedAt")), AdverseEvent.class)
                .stream().map(AdverseEvent::toRecord).toList();
    }

    /** The study's serious adverse events that are not resolved yet, newest first. */
    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventRow> openSerious(String studyId) {
        return documents.find(Query.query(Criteria.where("studyId").is(studyId).and("serious").is(true).and("open")
                .is(true)).with(Sort.by(Sort.Direction.DESC, "report.onset")), AdverseEvent.class).stream()
                .map(e -> e.toRow(label(participants.participantRecord(e.getParticipantId())))).toList();
    }

    /** CTCAE grade 4 and 5 events are serious whatever was ticked. */
    private static boolean isSerious(AdverseEventReport report) {
        Integer grade = report.grade();
        return report.serious() || grade != null && grade >= 4;
    }

    private String existingStudy(AdverseEvent event) {
        return participants.participantRecord(event.getParticipantId()).studyId();
    }

    private static String label(ParticipantRecord p) {
        return (p.studyNumber() == null ? p.screeningNumber() : p.studyNumber()) + " · " + p.displayName();
    }

    private void validate(AdverseEventReport report, ParticipantRecord participant) {
        Map<String, String> errors = new HashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(CurrentUser.require().zone()));
        LocalDate onset = report.onset();
        if (onset == null) {
            errors.put("onset", "ae.onset.required");
        } else if (onset.isAfter(today) || onset.isBefore(participant.screenedOn())) {
            errors.put("onset", "ae.onset.invalid");
        }
        if (Inputs.isBlankOrLonger(report.description(), AdverseEventReport.DESCRIPTION_MAX_LENGTH)) {
            errors.put("description", "ae.description.invalid");
        }
        @Nullable String site = report.bodySite();
        if (site != null && site.length() > AdverseEventReport.BODY_SITE_MAX_LENGTH) {
            errors.put("bodySite", "ae.body-site.invalid");
        }
        Integer grade = report.grade();
        if (grade == null) {
            errors.put("grade", "ae.grade.required");
        } else if (grade < 1 || grade > 5 || (report.outcome() == AdverseEventReport.Outcome.FATAL) != (grade == 5)) {
            errors.put("grade", "ae.grade.invalid");
        }
        if (report.relatedness() == null) {
            errors.put("relatedness", "ae.relatedness.required");
        }
        LocalDate resolved = report.resolvedOn();
        if (report.outcome().resolved() && report.outcome() != AdverseEventReport.Outcome.FATAL && resolved == null
                || resolved != null && (onset != null && resolved.isBefore(onset) || resolved.isAfter(today))) {
            errors.put("resolvedOn", "ae.resolved-on.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
