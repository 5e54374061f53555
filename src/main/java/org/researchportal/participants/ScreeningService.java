package org.researchportal.participants;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalDataChanged;
import org.researchportal.base.clinical.ClinicalDataRules;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.clinical.FormValues;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalLocales;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The clinician's screening: the screening log and the eligibility judgement from the study's own criteria. */
@Service
public class ScreeningService {

    static final Set<ParticipantStatus> BEFORE_ENROLMENT = Set.of(ParticipantStatus.SCREENED,
            ParticipantStatus.ELIGIBLE, ParticipantStatus.NOT_ELIGIBLE);
    public static final int REASON_MAX_LENGTH = 500;

    private final ParticipantRecords records;
    private final ParticipantChanges changes;
    private final ParticipantTallies tallies;
    private final StudyService studies;
    private final StudyNumbers numbers;
    private final AuditTrail audit;
    private final ClinicalRecordLocks locks;
    private final ClinicalDataRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PhoneNumbers phones;

    ScreeningService(ParticipantRecords records, ParticipantChanges changes, ParticipantTallies tallies,
            StudyService studies, StudyNumbers numbers, AuditTrail audit, ClinicalRecordLocks locks,
            ClinicalDataRules rules,
            ApplicationEventPublisher events, Clock clock, PhoneNumbers phones) {
        this.locks = locks;
        this.rules = rules;
        this.events = events;
        this.records = records;
        this.changes = changes;
        this.tallies = tallies;
        this.studies = studies;
        this.numbers = numbers;
        this.phones = phones;
        this.audit = audit;
        this.clock = clock;
    }

    /** Enters a candidate into the screening log with the next screening number; answers the new record's id. */
    @Secured(Authorities.CLINICIAN)
    public String screen(String studyId, NewCandidate candidate) {
        StudySummary study = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        locks.requireRecruiting(study.id());
        validate(candidate);
        String number = numbers.next(study.id(), "screening", "S-", n -> records.screeningNumberTaken(
                studyId, n));
        Participant participant = new Participant(studyId, number, null, candidate.displayName().trim(),
                ParticipantStatus.SCREENED, null, candidate.screenedOn(), null, null,
                phones.normalise(candidate.phone()).orElse(null), Inputs.blankToNull(candidate.email()),
                PortalLocales.toTag(PortalLocales.fromTag(candidate.language())), candidate.timeZone(),
                Inputs.blankToNull(candidate.preferredCallTime()), null, null, null);
        participant.setScreenedBy(CurrentUser.require().username());
        records.add(participant);
        audit.record("participant.screened", ParticipantService.ENTITY, participant.requireId(), null, participant,
                null);
        return participant.requireId();
    }

    /** The outcome the entered values would give, without recording anything (for the form as it is filled). */
    @Secured(Authorities.CLINICIAN)
    public EligibilityOutcome preview(String studyId, Map<String, Double> measures, Map<String, Boolean> answers) {
        return EligibilityCheck.judge(studies.eligibilityModel(studyId), measures, answers);
    }

    /**
     * Judges and records a candidate's eligibility. Every criterion must be determined. Judging again changes data
     * already entered, so it needs a reason.
     */
    @Secured(Authorities.CLINICIAN)
    public EligibilityOutcome assessEligibility(String participantId, Map<String, Double> measures,
            Map<String, Boolean> answers, @Nullable String reason) {
        Participant participant = records.participant(participantId);
        ClinicalForm form = ClinicalForm.eligibility(participant.getStudyId(), participantId);
        locks.requireWritable(form);
        if (!BEFORE_ENROLMENT.contains(participant.getStatus())) {
            throw ValidationException.of("eligibility", "eligibility.after-enrolment");
        }
        if (participant.getEligibility() != null && Inputs.isBlankOrLonger(reason, REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        EligibilityOutcome outcome = EligibilityCheck.judge(studies.eligibilityModel(participant.getStudyId()),
                measures, answers);
        if (!outcome.complete()) {
            Map<String, String> errors = new HashMap<>();
            outcome.undetermined().forEach(code -> errors.put("criterion." + code, "eligibility.undetermined"));
            throw new ValidationException(errors);
        }
        Map<String, String> values = new HashMap<>();
        measures.forEach((code, value) -> values.put(code, FormValues.text(value)));
        answers.forEach((code, answer) -> values.put(code, FormValues.text(answer)));
        rules.check(form, values);
        boolean eligible = Boolean.TRUE.equals(outcome.eligible());
        var assessment = new EligibilityAssessment(Map.copyOf(measures), Map.copyOf(answers), eligible,
                outcome.failed(), clock.instant(), CurrentUser.require().username());
        Map<String, Object> before = view(participant);
        if (!changes.assessEligibility(participantId, BEFORE_ENROLMENT, assessment,
                eligible ? ParticipantStatus.ELIGIBLE : ParticipantStatus.NOT_ELIGIBLE, clock.instant())) {
            throw ValidationException.of("eligibility", "eligibility.after-enrolment");
        }
        audit.record("participant.eligibility-assessed", ParticipantService.ENTITY, participantId, before,
                view(records.participant(participantId)), reason);
        events.publishEvent(new ClinicalDataChanged(Objects.requireNonNull(CurrentUser.require().tenantId()), form,
                changedAnswers(participant.getEligibility(), assessment), reason));
        return outcome;
    }

    /** The measures and criteria whose answer an assessment set or changed. */
    private static Set<String> changedAnswers(@Nullable EligibilityAssessment before, EligibilityAssessment after) {
        Set<String> changed = new TreeSet<>();
        Map<String, Object> was = new HashMap<>();
        Map<String, Object> now = new HashMap<>(after.measures());
        now.putAll(after.answers());
        if (before != null) {
            was.putAll(before.measures());
            was.putAll(before.answers());
        }
        Set<String> all = new HashSet<>(was.keySet());
        all.addAll(now.keySet());
        all.stream().filter(code -> !Objects.equals(was.get(code), now.get(code))).forEach(changed::add);
        return changed;
    }

    /** Screen failures by criterion, for the CONSORT diagram's "excluded" box. */
    @Secured(Authorities.CLINICIAN)
    public Map<String, Long> screenFailures(String studyId) {
        Map<String, Long> tally = new LinkedHashMap<>();
        studies.eligibilityModel(studyId).criteria().forEach(c -> tally.put(c.code(), 0L));
        tally.putAll(tallies.screenFailuresByCriterion(studyId));
        return tally;
    }

    private static Map<String, Object> view(Participant p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", p.getStatus().name());
        view.put("eligibility", p.getEligibility() == null ? "" : p.getEligibility());
        return view;
    }

    private void validate(NewCandidate candidate) {
        Map<String, String> errors = new HashMap<>();
        if (Inputs.isBlankOrLonger(candidate.displayName(), Participant.NAME_MAX_LENGTH)) {
            errors.put("displayName", "participant.name.invalid");
        }
        if (!phones.isOptionalValid(candidate.phone())) {
            errors.put("phone", "participant.phone.invalid");
        }
        if (!Inputs.isOptionalEmail(candidate.email())) {
            errors.put("email", "participant.email.invalid");
        }
        String callTime = candidate.preferredCallTime();
        if (callTime != null && callTime.length() > Participant.CALL_TIME_MAX_LENGTH) {
            errors.put("preferredCallTime", "participant.call-time.invalid");
        }
        if (candidate.screenedOn().isAfter(LocalDate.now(clock.withZone(CurrentUser.require().zone())))) {
            errors.put("screenedOn", "participant.screened-on.future");
        }
        try {
            ZoneId.of(candidate.timeZone());
        } catch (RuntimeException e) {
            errors.put("timeZone", "participant.timezone.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
