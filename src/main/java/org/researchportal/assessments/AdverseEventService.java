package org.researchportal.assessments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ChangedFields;
import org.researchportal.base.clinical.ClinicalDataChanged;
import org.researchportal.base.clinical.ClinicalDataRules;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.clinical.FormValues;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Adverse events, reported and followed up by clinicians; a serious one is announced to the tenant's clinicians. The
 * drafts heard of on follow-up calls, waiting for a clinician's judgement, are {@link AdverseEventDrafts}'.
 */
@Service
public class AdverseEventService {

    static final String ENTITY = "AdverseEvent";

    private static final Set<AdverseEventReport.Relatedness> RELATED = Set.of(
            AdverseEventReport.Relatedness.POSSIBLE, AdverseEventReport.Relatedness.PROBABLE,
            AdverseEventReport.Relatedness.DEFINITE);

    private final TenantDocuments documents;
    private final AdverseEventRecords adverseEvents;
    private final ParticipantService participants;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ClinicalRecordLocks locks;
    private final ClinicalDataRules rules;
    private final Clock clock;

    AdverseEventService(TenantDocuments documents, AdverseEventRecords adverseEvents, ParticipantService participants,
            AuditTrail audit, ApplicationEventPublisher events, ClinicalRecordLocks locks, ClinicalDataRules rules,
            Clock clock) {
        this.locks = locks;
        this.rules = rules;
        this.documents = documents;
        this.adverseEvents = adverseEvents;
        this.participants = participants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Secured(Authorities.CLINICIAN)
    public String report(String participantId, AdverseEventReport report) {
        ParticipantRecord participant = participants.participantRecord(participantId);
        locks.requireStudyOpen(participant.studyId());
        validate(report, participant);
        return recorded(participant, report);
    }

    /** Stores a checked report, audits it and tells of a serious one; answers the event's id. */
    String recorded(ParticipantRecord participant, AdverseEventReport report) {
        String participantId = participant.id();
        // A new event is no form yet: the study's lock and the participant's hold it.
        ClinicalForm newEvent = ClinicalForm.adverseEvent(participant.studyId(), participantId, "");
        locks.requireWritable(newEvent);
        rules.check(newEvent, FormValues.of(report));
        boolean serious = isSerious(report);
        AdverseEvent event = adverseEvents.add(new AdverseEvent(participant.studyId(), participantId, report, serious,
                !report.outcome().resolved(), CurrentUser.require().username(), clock.instant()));
        audit.record("adverse-event.reported", ENTITY, event.requireId(), null, Map.of("participantId",
                participantId, "report", report), null);
        events.publishEvent(new ClinicalDataChanged(documents.currentTenantId(), ClinicalForm.adverseEvent(
                participant.studyId(), participantId, event.requireId()), ChangedFields.of(null, report), null));
        if (serious) {
            events.publishEvent(new SeriousAdverseEventReported(documents.currentTenantId(), participant.studyId(),
                    participantId, event.requireId(), clock.instant()));
        }
        return event.requireId();
    }

    /** Follows an event up (outcome, resolution, corrections): a change of reported data, so it needs a reason. */
    @Secured(Authorities.CLINICIAN)
    public void update(String adverseEventId, AdverseEventReport report, String reason) {
        AdverseEvent existing = adverseEvents.event(adverseEventId);
        ParticipantRecord participant = participants.participantRecord(existing.getParticipantId());
        ClinicalForm form = ClinicalForm.adverseEvent(participant.studyId(), participant.id(), adverseEventId);
        locks.requireWritable(form);
        validate(report, participant);
        rules.check(form, FormValues.of(report));
        if (Inputs.isBlankOrLonger(reason, AssessmentService.REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        boolean serious = isSerious(report);
        if (!adverseEvents.followUp(existing, report, serious, !report.outcome().resolved())) {
            throw ValidationException.of("reason", "ae.changed-meanwhile");
        }
        // The participant named on both sides files the entry in their trail; it is no change.
        audit.record("adverse-event.updated", ENTITY, adverseEventId, Map.of("participantId",
                existing.getParticipantId(), "report", existing.getReport()), Map.of("participantId",
                        existing.getParticipantId(), "report", report), reason.trim());
        Set<String> changed = ChangedFields.of(existing.getReport(), report);
        if (!changed.isEmpty()) {
            events.publishEvent(new ClinicalDataChanged(documents.currentTenantId(), form, changed, reason.trim()));
        }
        if (serious && !isSerious(existing.getReport())) {
            events.publishEvent(new SeriousAdverseEventReported(documents.currentTenantId(), existingStudy(existing),
                    existing.getParticipantId(), adverseEventId, clock.instant()));
        }
    }

    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventRow> ofParticipant(String participantId) {
        ParticipantRecord participant = participants.participantRecord(participantId);
        return adverseEvents.ofParticipant(participantId).stream().map(e -> e.toRow(label(participant))).toList();
    }

    /**
     * A participant's adverse events for a blinded monitor, latest onset first: only what tells no arm (see
     * {@link BlindedAdverseEvent}). Another tenant's participant has none here.
     */
    @Secured(Authorities.MONITOR)
    public List<BlindedAdverseEvent> blindedOfParticipant(String participantId) {
        return adverseEvents.ofParticipant(participantId).stream().map(AdverseEvent::toBlinded).toList();
    }

    /**
     * The adverse events of a page of a study's participants, for an export: by participant, then onset. Clinicians
     * only, as everywhere else: an event's relatedness to the programme would tell a blinded reader the arm.
     */
    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventRecord> eventsOf(String studyId, Collection<String> participantIds) {
        return adverseEvents.ofParticipants(studyId, participantIds).stream().map(AdverseEvent::toRecord).toList();
    }

    /**
     * Every adverse event of a study as last reported, by participant, then onset: what the safety report by arm counts
     * for the data monitoring committee. It carries no arm (the report puts each participant's beside it); the
     * statistician reads it, and the clinician who reports them. Another tenant's study has none here.
     */
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public List<AdverseEventRecord> ofStudy(String studyId) {
        return adverseEvents.ofStudy(studyId).stream().map(AdverseEvent::toRecord).toList();
    }

    /**
     * The adverse events of a study the clinician judged related to the exercise programme (possibly, probably or
     * definitely), by participant then onset: how many occurred during exercise, for the CERT report (item 11). Only
     * the exercise arm follows a programme, so this tells the arm: unblinded readers only.
     */
    @ShowsArms
    @Secured({Authorities.CLINICIAN, Authorities.STATISTICIAN, Authorities.THERAPIST})
    public List<AdverseEventRecord> relatedToProgramme(String studyId) {
        return adverseEvents.ofStudy(studyId).stream().map(AdverseEvent::toRecord)
                .filter(e -> e.report().relatedness() != null && RELATED.contains(e.report().relatedness())).toList();
    }

    /**
     * Every adverse event of a study as a form (its id, no content): what source-data verification plans and counts,
     * for the monitor and the tenant administrator.
     */
    @Secured({Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN})
    public List<ClinicalForm> formsOf(String studyId) {
        return adverseEvents.ofStudy(studyId).stream().map(e -> ClinicalForm.adverseEvent(studyId,
                e.getParticipantId(), e.requireId())).toList();
    }

    /** The study's serious adverse events that are not resolved yet, newest first. */
    @Secured(Authorities.CLINICIAN)
    public List<AdverseEventRow> openSerious(String studyId) {
        // Each participant's record read once, however many of their events are open.
        Map<String, String> labels = new HashMap<>();
        return adverseEvents.openSerious(studyId).stream().map(e -> e.toRow(labels.computeIfAbsent(
                e.getParticipantId(), id -> label(participants.participantRecord(id))))).toList();
    }

    /** CTCAE grade 4 and 5 events are serious whatever was ticked. */
    private static boolean isSerious(AdverseEventReport report) {
        Integer grade = report.grade();
        return report.serious() || grade != null && grade >= 4;
    }

    private String existingStudy(AdverseEvent event) {
        return participants.participantRecord(event.getParticipantId()).studyId();
    }

    static String label(ParticipantRecord p) {
        return (p.studyNumber() == null ? p.screeningNumber() : p.studyNumber()) + " · " + p.displayName();
    }

    void validate(AdverseEventReport report, ParticipantRecord participant) {
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
        String site = report.bodySite();
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
