package org.researchportal.participants;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.base.security.PortalUser;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Participants of the signed-in person's tenant, each role seeing what its work needs. Blinded assessors get types
 * that carry no arm at all.
 */
@Service
public class ParticipantService {

    static final String ENTITY = "Participant";

    private final TenantDocuments documents;
    private final StudyService studies;
    private final ParticipantImportCheck importCheck;
    private final PhoneNumbers phones;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    ParticipantService(TenantDocuments documents, StudyService studies, ParticipantImportCheck importCheck,
            AuditTrail audit, Clock clock, PhoneNumbers phones, ApplicationEventPublisher events) {
        this.events = events;
        this.documents = documents;
        this.studies = studies;
        this.importCheck = importCheck;
        this.phones = phones;
        this.audit = audit;
        this.clock = clock;
    }

    /** Participants by status and arm, and enrolment against the target. */
    @Secured(Authorities.CLINICIAN)
    public StudyProgress progress(String studyId) {
        StudySummary study = requireStudy(studyId);
        Map<ParticipantStatus, Long> byStatus = countByStatus(studyId);
        Map<String, Long> byArm = new LinkedHashMap<>();
        study.arms().forEach(arm -> byArm.put(arm.name(), 0L));
        for (Count count : documents.aggregate(Participant.class,
                List.of(match(Criteria.where("studyId").is(studyId).and("armCode").ne(null)),
                        group("armCode").count().as("count")),
                Count.class)) {
            study.arms().stream().filter(a -> a.code().equals(count.id())).findFirst()
                    .ifPresent(arm -> byArm.put(arm.name(), count.count()));
        }
        return new StudyProgress(byStatus, byArm, byStatus.getOrDefault(ParticipantStatus.ENROLLED, 0L),
                study.targetEnrolment());
    }

    /** Participants by status and arm, counted by the database: the CONSORT diagram reads no participant. */
    @Secured(Authorities.CLINICIAN)
    public List<AllocationCount> allocationCounts(String studyId) {
        requireStudy(studyId);
        return documents.aggregate(Participant.class, List.of(match(Criteria.where("studyId").is(studyId)),
                group("status", "armCode").count().as("count")), StatusArmCount.class).stream()
                .map(c -> new AllocationCount(ParticipantStatus.valueOf(c.id().status()), c.id().armCode(),
                        c.count())).toList();
    }

    /** How many of these participants of a study each arm holds, by arm code. */
    @Secured(Authorities.CLINICIAN)
    public Map<String, Long> countByArm(String studyId, Collection<String> participantIds) {
        requireStudy(studyId);
        Map<String, Long> counts = new HashMap<>();
        for (Count count : documents.aggregate(Participant.class, List.of(match(Criteria.where("studyId")
                .is(studyId).and("armCode").ne(null).and("_id").in(participantIds.stream()
                        .filter(ObjectId::isValid).map(ObjectId::new).toList())),
                group("armCode").count().as("count")), Count.class)) {
            if (count.id() != null) {
                counts.put(count.id(), count.count());
            }
        }
        return counts;
    }

    /** Participants by status only: what a blinded assessor may know of enrolment. */
    @Secured({Authorities.ASSESSOR, Authorities.CLINICIAN})
    public Map<ParticipantStatus, Long> statusCounts(String studyId) {
        requireStudy(studyId);
        return countByStatus(studyId);
    }

    @Secured(Authorities.CLINICIAN)
    public Slice<ParticipantRow> participants(String studyId, Pageable pageable) {
        return findParticipants(studyId, ParticipantFilter.NONE, pageable);
    }

    /**
     * A page of a study's participants narrowed by number, status and arm, all filtered by the database so the list
     * stays paged. The number matches anywhere in the study or screening number ("17" finds S-017 and RE-MS-017), as
     * typed, without regular-expression meaning.
     */
    @Secured(Authorities.CLINICIAN)
    public Slice<ParticipantRow> findParticipants(String studyId, ParticipantFilter filter, Pageable pageable) {
        StudySummary study = requireStudy(studyId);
        Criteria criteria = Criteria.where("studyId").is(studyId);
        String number = Inputs.blankToNull(filter.number());
        if (number != null) {
            if (number.length() > ParticipantFilter.NUMBER_MAX_LENGTH) {
                throw ValidationException.of("number", "participant.search.invalid");
            }
            String quoted = java.util.regex.Pattern.quote(number.trim());
            criteria.orOperator(Criteria.where("screeningNumber").regex(quoted, "i"),
                    Criteria.where("studyNumber").regex(quoted, "i"));
        }
        if (filter.status() != null) {
            criteria.and("status").is(filter.status());
        }
        if (filter.armCode() != null) {
            criteria.and("armCode").is(filter.armCode());
        }
        return documents.slice(Query.query(criteria).with(Sort.by("screeningNumber")), pageable, Participant.class)
                .map(p -> new ParticipantRow(p.requireId(), p.getScreeningNumber(), p.getStudyNumber(),
                        p.getDisplayName(), p.getStatus(), armName(study, p.getArmCode()), p.getScreenedOn(),
                        p.getEnrolledOn(),
                        p.getEligibility() == null ? List.of() : p.getEligibility().failedCriteria()));
    }

    /**
     * The participants an assessor follows (randomised ones, whatever became of them), without their arm. Clinicians
     * may read it too: they see more than this anyway.
     */
    @Secured({Authorities.ASSESSOR, Authorities.CLINICIAN})
    public Slice<BlindedParticipantRow> blindedParticipants(String studyId, Pageable pageable) {
        requireStudy(studyId);
        Query query = Query.query(Criteria.where("studyId").is(studyId).and("status")
                .in(ParticipantStatus.AFTER_ENROLMENT).and("armCode").ne(null)).with(Sort.by("studyNumber"));
        return documents.slice(query, pageable, Participant.class).map(ParticipantService::blinded);
    }

    /** One enrolled or withdrawn participant, without their arm (for recording their assessments). */
    @Secured({Authorities.ASSESSOR, Authorities.CLINICIAN})
    public Optional<BlindedParticipantRow> blindedParticipant(String participantId) {
        return documents.findOne(Query.query(Criteria.where("_id").is(participantId).and("status")
                .in(ParticipantStatus.AFTER_ENROLMENT).and("armCode").ne(null)), Participant.class)
                .map(ParticipantService::blinded);
    }

    private static BlindedParticipantRow blinded(Participant p) {
        return new BlindedParticipantRow(p.requireId(), p.getStudyId(), p.getStudyNumber(), p.getDisplayName(),
                p.getStatus(), p.getEnrolledOn(), p.getConsent() == null ? null : p.getConsent().consentedOn(),
                leftOn(p));
    }

    /** The day a participant left: withdrawal's date, or the date they were recorded lost to follow-up. */
    private static @Nullable LocalDate leftOn(Participant p) {
        return switch (p.getStatus()) {
            case WITHDRAWN -> p.getWithdrawnOn();
            case LOST_TO_FOLLOW_UP -> p.getStatusChanges().stream()
                    .filter(c -> c.status() == ParticipantStatus.LOST_TO_FOLLOW_UP)
                    .map(StatusChange::effectiveOn).reduce((first, last) -> last).orElse(null);
            default -> null;
        };
    }

    /** The signed-in participant's own record, for their programme and logs. */
    @Secured(Authorities.PARTICIPANT)
    public Optional<ParticipantRef> me() {
        return documents.findOne(Query.query(Criteria.where("accountId").is(CurrentUser.require().accountId())),
                Participant.class).map(this::ref);
    }

    /**
     * How to reach a participant, for the messaging pipeline: contact details, language and time zone, and the
     * channels they consented to (none once they withdrew from participation). Never the arm.
     */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public Optional<ParticipantContact> contact(String participantId) {
        return documents.findById(participantId, Participant.class).map(p -> {
            Consent consent = p.getConsent();
            boolean active = consent != null && !consent.withdrawnFromParticipation();
            return new ParticipantContact(p.requireId(), p.getStudyId(), p.getDisplayName(), p.getStatus(),
                    p.getPhone(), p.getEmail(), p.getLanguage(), p.getTimeZone(), active && consent.smsContact(),
                    active && consent.emailContact(), p.getAccountId(), p.getContactPreferences(),
                    p.getTherapistId());
        });
    }

    /** The signed-in participant's contact preferences. */
    @Secured(Authorities.PARTICIPANT)
    public Optional<ContactPreferences> myContactPreferences() {
        return mine().map(Participant::getContactPreferences);
    }

    /**
     * Saves the signed-in participant's time zone, reminder time and quiet hours. The quiet hours must leave the
     * reminder time free and last at most 16 hours, so a reminder can always go out on its day.
     */
    @Secured(Authorities.PARTICIPANT)
    public ContactPreferences saveMyContactPreferences(ContactPreferences wanted) {
        Participant me = mine().orElseThrow(() -> new NotFoundException("Participant", "own"));
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
        documents.updateFirst(Query.query(Criteria.where("_id").is(me.requireId())), new Update()
                .set("timeZone", wanted.timeZone()).set("reminderTime", wanted.reminderTime())
                .set("quietFrom", wanted.quietFrom()).set("quietUntil", wanted.quietUntil()).inc("version", 1),
                Participant.class);
        audit.record("participant.contact-preferences", ENTITY, me.requireId(), before,
                Map.of("preferences", wanted), null);
        events.publishEvent(new ContactPreferencesChanged(documents.currentTenantId(), me.requireId()));
        return wanted;
    }

    private Optional<Participant> mine() {
        return documents.findOne(Query.query(Criteria.where("accountId").is(CurrentUser.require().accountId())),
                Participant.class);
    }

    /** A participant whose programme a therapist or clinician looks after. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public Optional<ParticipantRef> programmeParticipant(String participantId) {
        return documents.findById(participantId, Participant.class).map(this::ref);
    }

    /** Several at once (a page of a caseload): one query, and each study read once; unknown ids are left out. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN, Authorities.COORDINATOR})
    public List<ParticipantRef> programmeParticipants(Collection<String> participantIds) {
        Map<String, Optional<StudySummary>> studiesById = new HashMap<>();
        return documents.find(Query.query(Criteria.where("_id").in(participantIds)), Participant.class).stream()
                .map(p -> ref(p, studiesById.computeIfAbsent(p.getStudyId(), studies::study))).toList();
    }

    private ParticipantRef ref(Participant p) {
        return ref(p, studies.study(p.getStudyId()));
    }

    private static ParticipantRef ref(Participant p, Optional<StudySummary> study) {
        ArmKind kind = study.flatMap(s -> s.arms().stream()
                .filter(a -> a.code().equals(p.getArmCode())).findFirst()).map(Arm::kind).orElse(null);
        return new ParticipantRef(p.requireId(), p.getStudyId(), p.getStudyNumber(), p.getDisplayName(),
                p.getStatus(), kind, p.getTimeZone(), leftOn(p));
    }

    /** The enrolled participants this therapist follows. */
    @Secured(Authorities.THERAPIST)
    public Slice<CaseloadRow> therapistCaseload(Pageable pageable) {
        return caseload("therapistId", pageable);
    }

    /** Every allocated participant of the tenant, as the follow-up calls need them (left ones included). */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public List<CallParticipant> callParticipants() {
        return callParticipants(Query.query(Criteria.where("armCode").ne(null).and("enrolledOn").ne(null)
                .and("status").in(ParticipantStatus.AFTER_ENROLMENT)));
    }

    /** One allocated participant, as the follow-up calls need them. */
    @Secured({Authorities.COORDINATOR, Authorities.CLINICIAN})
    public Optional<CallParticipant> callParticipant(String participantId) {
        return callParticipants(Query.query(Criteria.where("_id").is(participantId).and("armCode").ne(null)
                .and("enrolledOn").ne(null))).stream().findFirst();
    }

    private List<CallParticipant> callParticipants(Query query) {
        Map<String, Optional<StudySummary>> studyCache = new HashMap<>();
        List<CallParticipant> found = new java.util.ArrayList<>();
        for (Participant p : documents.find(query, Participant.class)) {
            Optional<StudySummary> study = studyCache.computeIfAbsent(p.getStudyId(), studies::study);
            String arm = java.util.Objects.requireNonNull(p.getArmCode());
            found.add(new CallParticipant(p.requireId(), p.getStudyId(), study.map(StudySummary::acronym).orElse(""),
                    p.getStudyNumber(), p.getDisplayName(), p.getStatus(), arm,
                    study.map(s -> armName(s, arm)).orElse(arm), study.flatMap(s -> s.arms().stream()
                            .filter(a -> a.code().equals(arm)).findFirst()).map(Arm::kind).orElse(null),
                    java.util.Objects.requireNonNull(p.getEnrolledOn()), p.getTimeZone(), p.getLanguage(),
                    p.getPhone(), p.getPreferredCallTime(), p.getCoordinatorId()));
        }
        return found;
    }

    /** The signed-in participant's own participation, arm included (single blind: only assessors are blinded). */
    @Secured(Authorities.PARTICIPANT)
    public Optional<MyParticipation> myParticipation() {
        String accountId = CurrentUser.require().accountId();
        return documents.findOne(Query.query(Criteria.where("accountId").is(accountId)), Participant.class)
                .flatMap(p -> studies.study(p.getStudyId()).map(study -> {
                    Optional<Arm> arm = Optional.ofNullable(p.getArmCode()).flatMap(code -> study.arms().stream()
                            .filter(a -> a.code().equals(code)).findFirst());
                    return new MyParticipation(p.getDisplayName(), p.getStudyNumber(), study.acronym(),
                            study.title(), p.getStatus(), arm.map(ParticipantService::nameForReader).orElse(null),
                            arm.map(Arm::kind).orElse(null), p.getEnrolledOn(), study.contactPhone(),
                            study.contactEmail());
                }));
    }

    /** One participant's whole record, for the clinician working on it. */
    @Secured(Authorities.CLINICIAN)
    public ParticipantRecord participantRecord(String participantId) {
        Participant p = documents.getById(participantId, Participant.class);
        StudySummary study = requireStudy(p.getStudyId());
        return new ParticipantRecord(p.requireId(), p.getStudyId(), p.getScreeningNumber(), p.getStudyNumber(),
                p.getDisplayName(), p.getStatus(), p.getScreenedOn(), p.getScreenedBy(), p.getPhone(), p.getEmail(),
                p.getLanguage(), p.getPreferredCallTime(), p.getEligibility(), p.getConsent(), p.getEarlierConsents(),
                armName(study, p.getArmCode()), p.getEnrolledOn(), p.getRandomisation(), p.getUnblindings(),
                p.getStatusChanges(), p.getDeviations());
    }

    /** Brings in a participant record from an earlier system (see {@link ParticipantImport}). */
    @Secured(Authorities.CLINICIAN)
    public String importRecord(ParticipantImport record) {
        StudySummary study = requireStudy(record.studyId());
        importCheck.validate(record, study);
        Participant participant = new Participant(record.studyId(), record.screeningNumber().trim(),
                record.studyNumber(), record.displayName().trim(), record.status(), record.armCode(),
                record.screenedOn(), record.enrolledOn(), record.withdrawnOn(),
                phones.normalise(record.phone()).orElse(null), Inputs.blankToNull(record.email()),
                PortalLocales.toTag(PortalLocales.fromTag(record.language())), record.timeZone(),
                record.preferredCallTime(), record.therapistId(), record.coordinatorId(), record.accountId());
        try {
            documents.insert(participant);
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("screeningNumber", "participant.screening-number.taken");
        }
        audit.record("participant.imported", ENTITY, participant.requireId(), null, participant, null);
        return participant.requireId();
    }

    private Slice<CaseloadRow> caseload(String assigneeField, Pageable pageable) {
        String me = CurrentUser.require().accountId();
        Map<String, Optional<StudySummary>> studyCache = new HashMap<>();
        Query query = Query.query(Criteria.where(assigneeField).is(me).and("status").is(ParticipantStatus.ENROLLED))
                .with(Sort.by("studyNumber"));
        return documents.slice(query, pageable, Participant.class).map(p -> {
            Optional<StudySummary> study = studyCache.computeIfAbsent(p.getStudyId(), studies::study);
            return new CaseloadRow(p.requireId(), p.getStudyNumber(), p.getDisplayName(),
                    study.map(StudySummary::acronym).orElse(""),
                    study.map(s -> armName(s, p.getArmCode())).orElse(""), p.getEnrolledOn(), p.getPhone(),
                    p.getEmail(), p.getLanguage());
        });
    }

    private Map<ParticipantStatus, Long> countByStatus(String studyId) {
        Map<ParticipantStatus, Long> counts = new EnumMap<>(ParticipantStatus.class);
        for (ParticipantStatus status : ParticipantStatus.values()) {
            counts.put(status, 0L);
        }
        for (Count count : documents.aggregate(Participant.class,
                List.of(match(Criteria.where("studyId").is(studyId)), group("status").count().as("count")),
                Count.class)) {
            if (count.id() != null) {
                counts.put(ParticipantStatus.valueOf(count.id()), count.count());
            }
        }
        return counts;
    }

    private StudySummary requireStudy(String studyId) {
        return studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
    }

    private static @Nullable String armName(StudySummary study, @Nullable String armCode) {
        if (armCode == null) {
            return null;
        }
        return study.arms().stream().filter(a -> a.code().equals(armCode)).map(ParticipantService::nameForReader)
                .findFirst().orElse(armCode);
    }

    /** An arm's name in the language of the person reading (its Chinese name on Chinese screens). */
    static String nameForReader(Arm arm) {
        return arm.name(CurrentUser.get().map(PortalUser::locale).orElse(Locale.ENGLISH));
    }

    /** One row of a {@code $group} count. */
    record Count(@Id @Nullable String id, long count) {
    }

    record StatusArm(String status, @Nullable String armCode) {
    }

    record StatusArmCount(@Id StatusArm id, long count) {
    }
}
