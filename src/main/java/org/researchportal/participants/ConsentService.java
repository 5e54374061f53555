package org.researchportal.participants;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
import org.researchportal.participants.ConsentWithdrawal.Scope;
import org.researchportal.study.DocumentRow;
import org.researchportal.study.TrialDocumentService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Informed consent: taken before enrolment, with separate consent to SMS and email contact, and withdrawn in whole or
 * in part. Withdrawing from participation withdraws the candidate or participant from the study. Each change is made
 * against the version read, so two at once cannot lose one.
 */
@Service
public class ConsentService {

    private static final Set<ParticipantStatus> WITHDRAWN_BY_PARTICIPATION = Set.of(ParticipantStatus.SCREENED,
            ParticipantStatus.ELIGIBLE, ParticipantStatus.ENROLLED, ParticipantStatus.LOST_TO_FOLLOW_UP);

    private final TenantDocuments documents;
    private final ParticipantRecords records;
    private final ParticipantChanges changes;
    private final ApplicationEventPublisher events;
    private final TrialDocumentService trialDocuments;
    private final AuditTrail audit;
    private final ClinicalRecordLocks locks;
    private final ClinicalDataRules rules;
    private final Clock clock;

    ConsentService(TenantDocuments documents, ParticipantRecords records, ParticipantChanges changes,
            TrialDocumentService trialDocuments, AuditTrail audit, ApplicationEventPublisher events,
            ClinicalRecordLocks locks, ClinicalDataRules rules, Clock clock) {
        this.locks = locks;
        this.rules = rules;
        this.events = events;
        this.documents = documents;
        this.records = records;
        this.changes = changes;
        this.trialDocuments = trialDocuments;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records consent before enrolment. Nothing is assumed: the version signed (one of the study's consent forms when
     * it has any), the date signed and the answer to each contact question must all be given. Consent already
     * recorded is corrected ({@link #correctConsent}) or renewed on a new form version ({@link #reconsent}); after a
     * withdrawal from participation it is refused.
     */
    @Secured(Authorities.CLINICIAN)
    public void recordConsent(String participantId, @Nullable String documentVersion, @Nullable LocalDate consentedOn,
            @Nullable Boolean smsContact, @Nullable Boolean emailContact) {
        Participant participant = records.participant(participantId);
        // A locked study says so before any field is checked.
        locks.requireStudyOpen(participant.getStudyId());
        Consent previous = participant.getConsent();
        Map<String, String> errors = answers(participant, documentVersion, consentedOn, smsContact, emailContact);
        if (!ScreeningService.BEFORE_ENROLMENT.contains(participant.getStatus())) {
            errors.put("documentVersion", "consent.after-enrolment");
        }
        if (previous != null) {
            errors.put("documentVersion", previous.withdrawnFromParticipation() ? "consent.withdrawn"
                    : "consent.already-recorded");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Consent consent = new Consent(documentVersion.trim(), consentedOn, CurrentUser.require().username(),
                smsContact, emailContact, List.of());
        change(participant, consent, null, null, "participant.consented", null);
    }

    /**
     * Corrects the consent on record (a wrong version chosen, a mistyped date, a contact answer taken down wrongly):
     * every answer given again, with the reason; the audit keeps what it was and what it became. The withdrawals
     * recorded stay. What the participant signed anew is a {@link #reconsent}, not a correction.
     */
    @Secured(Authorities.CLINICIAN)
    public void correctConsent(String participantId, @Nullable String documentVersion, @Nullable LocalDate consentedOn,
            @Nullable Boolean smsContact, @Nullable Boolean emailContact, @Nullable String reason) {
        Participant participant = records.participant(participantId);
        // A locked study says so before any field is checked.
        locks.requireStudyOpen(participant.getStudyId());
        Consent current = participant.getConsent();
        Map<String, String> errors = answers(participant, documentVersion, consentedOn, smsContact, emailContact);
        if (current == null) {
            errors.put("documentVersion", "consent.none");
        } else if (current.withdrawnFromParticipation()) {
            errors.put("documentVersion", "consent.withdrawn");
        } else if (consentedOn != null && current.withdrawals().stream()
                .anyMatch(w -> w.withdrawnOn().isBefore(consentedOn))) {
            errors.put("consentedOn", "consent.date.after-withdrawal");
        }
        if (Inputs.isBlankOrLonger(reason, ScreeningService.REASON_MAX_LENGTH)) {
            errors.put("reason", "change.reason.required");
        }
        if (!errors.isEmpty() || current == null) {
            throw new ValidationException(errors);
        }
        // A contact withdrawn earlier stays withdrawn: consent to it again is a re-consent.
        Consent corrected = new Consent(documentVersion.trim(), consentedOn, current.takenBy(),
                smsContact && !current.withdrawn(Scope.SMS_CONTACT),
                emailContact && !current.withdrawn(Scope.EMAIL_CONTACT), current.withdrawals());
        change(participant, corrected, null, null, "participant.consent-corrected", reason.trim());
        endContactNoLongerConsented(participantId, current, corrected);
    }

    /**
     * Records consent on a new version of the consent form (the protocol or the form changed): a new consent with its
     * own date and contact answers, taken before or after enrolment. The consent it replaces is kept in the
     * participant's consent history.
     */
    @Secured(Authorities.CLINICIAN)
    public void reconsent(String participantId, @Nullable String documentVersion, @Nullable LocalDate consentedOn,
            @Nullable Boolean smsContact, @Nullable Boolean emailContact) {
        Participant participant = records.participant(participantId);
        // A locked study says so before any field is checked.
        locks.requireStudyOpen(participant.getStudyId());
        Consent current = participant.getConsent();
        Map<String, String> errors = answers(participant, documentVersion, consentedOn, smsContact, emailContact);
        if (current == null) {
            errors.put("documentVersion", "consent.none");
        } else if (current.withdrawnFromParticipation()) {
            errors.put("documentVersion", "consent.withdrawn");
        } else if (participant.getStatus() == ParticipantStatus.WITHDRAWN
                || participant.getStatus() == ParticipantStatus.NOT_ELIGIBLE) {
            errors.put("documentVersion", "consent.reconsent.not-taking-part");
        } else {
            if (documentVersion != null && documentVersion.trim().equals(current.documentVersion())) {
                errors.put("documentVersion", "consent.version.same");
            }
            if (consentedOn != null && consentedOn.isBefore(current.consentedOn())) {
                errors.put("consentedOn", "consent.date.before-previous");
            }
        }
        if (!errors.isEmpty() || current == null) {
            throw new ValidationException(errors);
        }
        Consent renewed = new Consent(documentVersion.trim(), consentedOn, CurrentUser.require().username(),
                smsContact, emailContact, List.of());
        change(participant, renewed, current, null, "participant.reconsented", null);
        endContactNoLongerConsented(participantId, current, renewed);
    }

    /** The answers every consent needs, checked alike wherever consent is recorded. */
    private Map<String, String> answers(Participant participant, @Nullable String documentVersion,
            @Nullable LocalDate consentedOn, @Nullable Boolean smsContact, @Nullable Boolean emailContact) {
        Map<String, String> errors = new HashMap<>();
        List<String> forms = trialDocuments.consentForms(participant.getStudyId()).stream().map(DocumentRow::label)
                .toList();
        if (Inputs.isBlankOrLonger(documentVersion, Consent.VERSION_MAX_LENGTH)
                || (!forms.isEmpty() && !forms.contains(documentVersion.trim()))) {
            errors.put("documentVersion", "consent.version.invalid");
        }
        if (consentedOn == null) {
            errors.put("consentedOn", "consent.date.required");
        } else if (consentedOn.isAfter(today()) || consentedOn.isBefore(participant.getScreenedOn())) {
            errors.put("consentedOn", "consent.date.invalid");
        }
        if (smsContact == null) {
            errors.put("smsContact", "consent.contact.required");
        }
        if (emailContact == null) {
            errors.put("emailContact", "consent.contact.required");
        }
        return errors;
    }

    /** Messaging cancels what it planned on a channel the participant no longer consents to. */
    private void endContactNoLongerConsented(String participantId, Consent before, Consent after) {
        if (before.smsContact() && !after.smsContact()) {
            events.publishEvent(new ContactEnded(documents.currentTenantId(), participantId,
                    ContactEnded.Channel.SMS, "Consent changed"));
        }
        if (before.emailContact() && !after.emailContact()) {
            events.publishEvent(new ContactEnded(documents.currentTenantId(), participantId,
                    ContactEnded.Channel.EMAIL, "Consent changed"));
        }
    }

    /**
     * Transcribes consent that was taken on paper before the participant's record reached the portal (an imported,
     * already enrolled participant): once, with the reason, against one of the study's consent forms. Consent for a
     * new candidate is recorded before enrolment with {@link #recordConsent}.
     */
    @Secured(Authorities.CLINICIAN)
    public void transcribePaperConsent(String participantId, String documentVersion, LocalDate consentedOn,
            boolean smsContact, boolean emailContact, String reason) {
        Participant participant = records.participant(participantId);
        // A locked study says so before any field is checked.
        locks.requireStudyOpen(participant.getStudyId());
        Map<String, String> errors = new HashMap<>();
        List<String> forms = trialDocuments.consentForms(participant.getStudyId()).stream().map(DocumentRow::label)
                .toList();
        if (participant.getConsent() != null) {
            errors.put("documentVersion", "consent.already-recorded");
        } else if (participant.getStatus() != ParticipantStatus.ENROLLED) {
            errors.put("documentVersion", "consent.transcribe.not-enrolled");
        }
        if (Inputs.isBlankOrLonger(documentVersion, Consent.VERSION_MAX_LENGTH)
                || (!forms.isEmpty() && !forms.contains(documentVersion.trim()))) {
            errors.put("documentVersion", "consent.version.invalid");
        }
        if (consentedOn.isAfter(today()) || consentedOn.isBefore(participant.getScreenedOn())) {
            errors.put("consentedOn", "consent.date.invalid");
        }
        if (Inputs.isBlankOrLonger(reason, ScreeningService.REASON_MAX_LENGTH)) {
            errors.put("reason", "change.reason.required");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Consent consent = new Consent(documentVersion.trim(), consentedOn, CurrentUser.require().username(),
                smsContact, emailContact, List.of());
        change(participant, consent, null, null, "participant.consent-transcribed", reason.trim());
    }

    /**
     * Withdraws consent in whole or in part. SMS or email withdrawal stops that channel only; withdrawal from
     * participation also withdraws the candidate or participant from the study. The allocation stays as it was.
     */
    @Secured(Authorities.CLINICIAN)
    public void withdrawConsent(String participantId, Scope scope, LocalDate withdrawnOn, String reason) {
        Participant participant = records.participant(participantId);
        // A locked study says so before any field is checked.
        locks.requireStudyOpen(participant.getStudyId());
        Consent consent = participant.getConsent();
        Map<String, String> errors = new HashMap<>();
        if (consent == null) {
            errors.put("scope", "consent.none");
        } else if (withdrawnOn.isBefore(consent.consentedOn()) || withdrawnOn.isAfter(today())) {
            errors.put("withdrawnOn", "consent.date.invalid");
        }
        if (Inputs.isBlankOrLonger(reason, ScreeningService.REASON_MAX_LENGTH)) {
            errors.put("reason", "change.reason.required");
        }
        if (!errors.isEmpty() || consent == null) {
            throw new ValidationException(errors);
        }
        List<ConsentWithdrawal> withdrawals = new ArrayList<>(consent.withdrawals());
        withdrawals.add(new ConsentWithdrawal(scope, withdrawnOn, reason.trim(), CurrentUser.require().username()));
        Consent changed = new Consent(consent.documentVersion(), consent.consentedOn(), consent.takenBy(),
                consent.smsContact() && scope != Scope.SMS_CONTACT && scope != Scope.PARTICIPATION,
                consent.emailContact() && scope != Scope.EMAIL_CONTACT && scope != Scope.PARTICIPATION, withdrawals);
        boolean leaves = scope == Scope.PARTICIPATION && WITHDRAWN_BY_PARTICIPATION.contains(participant.getStatus());
        change(participant, changed, null, leaves ? withdrawnOn : null, "participant.consent-withdrawn", reason);
        events.publishEvent(new ContactEnded(documents.currentTenantId(), participantId, switch (scope) {
            case SMS_CONTACT -> ContactEnded.Channel.SMS;
            case EMAIL_CONTACT -> ContactEnded.Channel.EMAIL;
            case PARTICIPATION -> null;
        }, "Consent withdrawn"));
    }

    /**
     * One change against the version read, refused while a randomisation holds the participant: the consent now, the
     * one it replaces (kept among the earlier ones) and the day a withdrawal from participation withdraws them.
     */
    private void change(Participant participant, Consent consent, @Nullable Consent replaced,
            @Nullable LocalDate withdrawnOn, String action, @Nullable String reason) {
        ClinicalForm form = ClinicalForm.consent(participant.getStudyId(), participant.requireId());
        locks.requireWritable(form);
        rules.check(form, FormValues.of(consent));
        Map<String, Object> before = view(participant);
        if (!changes.changeConsent(participant, consent, replaced, withdrawnOn, clock.instant())) {
            throw ValidationException.of("documentVersion", "consent.changed-meanwhile");
        }
        audit.record(action, ParticipantService.ENTITY, participant.requireId(), before,
                view(records.participant(participant.requireId())), reason);
        Set<String> changed = ChangedFields.of(participant.getConsent(), consent);
        if (!changed.isEmpty()) {
            events.publishEvent(new ClinicalDataChanged(documents.currentTenantId(), form, changed, reason));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CurrentUser.require().zone()));
    }

    private static Map<String, Object> view(Participant p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", p.getStatus().name());
        view.put("consent", p.getConsent() == null ? "" : p.getConsent());
        if (!p.getEarlierConsents().isEmpty()) {
            view.put("earlierConsents", p.getEarlierConsents());
        }
        return view;
    }
}
