package org.researchportal.participants;

import static org.researchportal.participants.ParticipantReads.armName;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.ShowsArms;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Participants of the signed-in person's tenant as the clinician and the therapist work with them (the list, the whole
 * record, the caseload, the import) and the participant's own pages (their participation, their contact preferences).
 * The views other modules take are services of their own: {@link ProgrammeParticipants}, {@link ParticipantContacts},
 * {@link CallParticipants}, {@link BlindedParticipants} and {@link EnrolmentCounts}.
 */
@Service
public class ParticipantService {

    static final String ENTITY = "Participant";
    /** The earliest year of birth the record takes. */
    public static final int BIRTH_YEAR_MIN = 1900;

    private final TenantDocuments documents;
    private final ParticipantRecords records;
    private final ParticipantChanges changes;
    private final StudyService studies;
    private final ParticipantReads reads;
    private final ParticipantImportCheck importCheck;
    private final PhoneNumbers phones;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    ParticipantService(TenantDocuments documents, ParticipantRecords records, ParticipantChanges changes,
            StudyService studies, ParticipantReads reads, ParticipantImportCheck importCheck, AuditTrail audit,
            Clock clock, PhoneNumbers phones, ApplicationEventPublisher events, ClinicalRecordLocks locks) {
        this.locks = locks;
        this.events = events;
        this.documents = documents;
        this.records = records;
        this.changes = changes;
        this.studies = studies;
        this.reads = reads;
        this.importCheck = importCheck;
        this.phones = phones;
        this.audit = audit;
        this.clock = clock;
    }

    @ShowsArms
    @Secured(Authorities.CLINICIAN)
    public Slice<ParticipantRow> participants(String studyId, Pageable pageable) {
        return findParticipants(studyId, ParticipantFilter.NONE, pageable);
    }

    /**
     * A page of a study's participants narrowed by number, status and arm, all filtered by the database so the list
     * stays paged. The number matches anywhere in the study or screening number ("17" finds S-017 and RE-MS-017), as
     * typed, without regular-expression meaning.
     */
    @ShowsArms
    @Secured(Authorities.CLINICIAN)
    public Slice<ParticipantRow> findParticipants(String studyId, ParticipantFilter filter, Pageable pageable) {
        StudySummary study = reads.requireStudy(studyId);
        String number = Inputs.blankToNull(filter.number());
        if (number != null && number.length() > ParticipantFilter.NUMBER_MAX_LENGTH) {
            throw ValidationException.of("number", "participant.search.invalid");
        }
        return records.participantList(studyId, number == null ? null : number.trim(), filter.status(),
                filter.armCode(), pageable).map(p -> new ParticipantRow(p.requireId(), p.getScreeningNumber(),
                        p.getStudyNumber(), p.getDisplayName(), p.getStatus(), armName(study, p.getArmCode()),
                        p.getScreenedOn(), p.getEnrolledOn(),
                        p.getEligibility() == null ? List.of() : p.getEligibility().failedCriteria()));
    }

    /** The signed-in participant's contact preferences. */
    @Secured(Authorities.PARTICIPANT)
    public Optional<ContactPreferences> myContactPreferences() {
        return reads.mine().map(Participant::getContactPreferences);
    }

    /**
     * Saves the signed-in participant's time zone, reminder time and quiet hours. The quiet hours must leave the
     * reminder time free and last at most 16 hours, so a reminder can always go out on its day.
     */
    @Secured(Authorities.PARTICIPANT)
    public ContactPreferences saveMyContactPreferences(ContactPreferences wanted) {
        Participant me = reads.mine().orElseThrow(() -> new NotFoundException("Participant", "own"));
        if (wanted.reminderTime() == null || wanted.quietFrom() == null || wanted.quietUntil() == null) {
            throw ValidationException.of("reminderTime", "preferences.time.missing");
        }
        Map<String, String> errors = new HashMap<>();
        if (!ZoneId.getAvailableZoneIds().contains(wanted.timeZone())) {
            errors.put("timeZone", "preferences.zone.invalid");
        }
        long quietMinutes = java.time.Duration.between(wanted.quietFrom(), wanted.quietUntil()).toMinutes();
        long length = quietMinutes <= 0 ? quietMinutes + 24 * 60 : quietMinutes;
        if (wanted.quietFrom().equals(wanted.quietUntil()) || length > 16 * 60) {
            errors.put("quietFrom", "preferences.quiet.invalid");
        } else if (wanted.quietAt(wanted.reminderTime())) {
            errors.put("reminderTime", "preferences.reminder.quiet");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, Object> before = Map.of("preferences", me.getContactPreferences());
        changes.saveContactPreferences(me.requireId(), wanted);
        audit.record("participant.contact-preferences", ENTITY, me.requireId(), before,
                Map.of("preferences", wanted), null);
        events.publishEvent(new ContactPreferencesChanged(documents.currentTenantId(), me.requireId()));
        return wanted;
    }

    /**
     * Records (or clears, with null) the participant's year of birth, as read from her documents: a questionnaire
     * link may ask her for it to check who is answering.
     */
    @Secured(Authorities.CLINICIAN)
    public void recordBirthYear(String participantId, @Nullable Integer year) {
        Participant participant = records.findParticipant(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        int thisYear = LocalDate.now(clock.withZone(CurrentUser.require().zone())).getYear();
        if (year != null && (year < BIRTH_YEAR_MIN || year > thisYear)) {
            throw ValidationException.of("birthYear", "participant.birth-year.invalid");
        }
        locks.requireStudyOpen(participant.getStudyId());
        if (java.util.Objects.equals(participant.getBirthYear(), year)) {
            return;
        }
        changes.setBirthYear(participantId, year);
        Map<String, Object> before = new HashMap<>();
        before.put("birthYear", participant.getBirthYear() == null ? "" : participant.getBirthYear());
        audit.record("participant.birth-year-recorded", ENTITY, participantId, before,
                Map.of("birthYear", year == null ? "" : year), null);
    }

    /** The enrolled participants this therapist follows. */
    @Secured(Authorities.THERAPIST)
    public Slice<CaseloadRow> therapistCaseload(Pageable pageable) {
        return caseload(records.therapistCaseload(CurrentUser.require().accountId(), pageable));
    }

    /** The signed-in participant's own participation, arm included (single blind: only assessors are blinded). */
    @Secured(Authorities.PARTICIPANT)
    public Optional<MyParticipation> myParticipation() {
        String accountId = CurrentUser.require().accountId();
        return records.ofAccount(accountId).flatMap(p -> studies.study(p.getStudyId()).map(study -> {
            Optional<Arm> arm = Optional.ofNullable(p.getArmCode()).flatMap(code -> study.arms().stream()
                    .filter(a -> a.code().equals(code)).findFirst());
            return new MyParticipation(p.getDisplayName(), p.getStudyNumber(), study.acronym(),
                    study.title(), p.getStatus(), arm.map(ParticipantReads::nameForReader).orElse(null),
                    arm.map(Arm::kind).orElse(null), p.getEnrolledOn(), study.contactPhone(),
                    study.contactEmail());
        }));
    }

    /** One participant's whole record, for the clinician working on it. */
    @ShowsArms
    @Secured(Authorities.CLINICIAN)
    public ParticipantRecord participantRecord(String participantId) {
        Participant p = records.participant(participantId);
        StudySummary study = reads.requireStudy(p.getStudyId());
        return new ParticipantRecord(p.requireId(), p.getStudyId(), p.getScreeningNumber(), p.getStudyNumber(),
                p.getDisplayName(), p.getStatus(), p.getScreenedOn(), p.getScreenedBy(), p.getPhone(), p.getEmail(),
                p.getLanguage(), p.getPreferredCallTime(), p.getEligibility(), p.getConsent(), p.getEarlierConsents(),
                armName(study, p.getArmCode()), p.getEnrolledOn(), p.getRandomisation(), p.getUnblindings(),
                p.getStatusChanges(), p.getDeviations(), p.getBirthYear());
    }

    /** Brings in a participant record from an earlier system (see {@link ParticipantImport}). */
    @Secured(Authorities.CLINICIAN)
    public String importRecord(ParticipantImport record) {
        StudySummary study = reads.requireStudy(record.studyId());
        locks.requireStudyOpen(study.id());
        importCheck.validate(record, study);
        Participant participant = new Participant(record.studyId(), record.screeningNumber().trim(),
                record.studyNumber(), record.displayName().trim(), record.status(), record.armCode(),
                record.screenedOn(), record.enrolledOn(), record.withdrawnOn(),
                phones.normalise(record.phone()).orElse(null), Inputs.blankToNull(record.email()),
                PortalLocales.toTag(PortalLocales.fromTag(record.language())), record.timeZone(),
                record.preferredCallTime(), record.therapistId(), record.coordinatorId(), record.accountId());
        try {
            records.add(participant);
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("screeningNumber", "participant.screening-number.taken");
        }
        audit.record("participant.imported", ENTITY, participant.requireId(), null, participant, null);
        return participant.requireId();
    }

    private Slice<CaseloadRow> caseload(Slice<Participant> participants) {
        Map<String, Optional<StudySummary>> studyCache = new HashMap<>();
        return participants.map(p -> {
            Optional<StudySummary> study = studyCache.computeIfAbsent(p.getStudyId(), studies::study);
            return new CaseloadRow(p.requireId(), p.getStudyNumber(), p.getDisplayName(),
                    study.map(StudySummary::acronym).orElse(""),
                    study.map(s -> armName(s, p.getArmCode())).orElse(""), p.getEnrolledOn(), p.getPhone(),
                    p.getEmail(), p.getLanguage());
        });
    }

}
