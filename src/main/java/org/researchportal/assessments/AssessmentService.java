package org.researchportal.assessments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalDataChanged;
import org.researchportal.base.clinical.ClinicalDataRules;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.clinical.FormValues;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.SignInWay;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Outcome assessments: the blinded assessor's worklist from the study's schedule, and validated, scored entry. The
 * instruments are {@link InstrumentLibrary}'s, visits that will not happen {@link MissedVisits}'. Nothing here knows a
 * participant's arm.
 */
@Service
public class AssessmentService {

    static final String ENTITY = "Assessment";
    public static final int REASON_MAX_LENGTH = 500;
    /** The data point of an entry's date, beside its items. */
    public static final String ASSESSED_ON = "assessedOn";

    private final AssessmentRecords assessments;
    private final MissedVisitRecords missedVisits;
    private final BlindedParticipants participants;
    private final InstrumentLibrary instruments;
    private final StudyService studies;
    private final AuditTrail audit;
    private final ClinicalRecordLocks locks;
    private final ClinicalDataRules rules;
    private final Questionnaires questionnaires;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentService(AssessmentRecords assessments, MissedVisitRecords missedVisits,
            BlindedParticipants participants, InstrumentLibrary instruments, StudyService studies, AuditTrail audit,
            ClinicalRecordLocks locks, ClinicalDataRules rules, Questionnaires questionnaires,
            ApplicationEventPublisher events, Clock clock) {
        this.questionnaires = questionnaires;
        this.locks = locks;
        this.rules = rules;
        this.events = events;
        this.assessments = assessments;
        this.missedVisits = missedVisits;
        this.participants = participants;
        this.instruments = instruments;
        this.studies = studies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Every randomised participant's timepoints, with their windows and state, closed windows first. Today is the
     * tenant's today. A timepoint due after a participant left the study is not listed (unless something was recorded
     * for it); a window never opens before consent. Clinicians see it too (for the overdue count and the record); it
     * carries no arm either way. The tenant administrator reads it for what blocks the study's database lock.
     */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN})
    public List<DueAssessment> worklist(String studyId) {
        List<Timepoint> schedule = studies.schedule(studyId);
        LocalDate today = LocalDate.now(clock.withZone(CurrentUser.require().zone()));
        Map<String, Set<String>> recorded = new LinkedHashMap<>();
        assessments.ofStudy(studyId).forEach(a -> recorded
                .computeIfAbsent(a.getParticipantId() + "/" + a.getTimepoint(), k -> new HashSet<>())
                .add(a.getInstrument()));
        Map<String, MissedVisitRecord> missed = new HashMap<>();
        missedVisits.ofStudy(studyId)
                .forEach(m -> missed.put(m.getParticipantId() + "/" + m.getTimepoint(), m.toRecord()));
        List<DueAssessment> due = new ArrayList<>();
        for (BlindedParticipantRow p : participants.blindedParticipants(studyId, Pageable.unpaged())) {
            if (p.enrolledOn() == null) {
                continue;
            }
            for (Timepoint t : schedule) {
                String key = p.id() + "/" + t.code();
                int done = (int) t.instruments().stream().filter(recorded.getOrDefault(key, Set.of())::contains)
                        .count();
                MissedVisitRecord decided = missed.get(key);
                LocalDate dueOn = p.enrolledOn().plusDays(t.dayOffset());
                if (p.leftOn() != null && dueOn.isAfter(p.leftOn()) && done == 0 && decided == null) {
                    continue;
                }
                Window window = window(p, t);
                due.add(new DueAssessment(p.id(), studyId, p.studyNumber(), p.displayName(), t.code(), t.label(),
                        t.labelZh(),
                        dueOn, window.opens(), window.closes(),
                        state(today, window.opens(), window.closes(), done == t.instruments().size(), decided),
                        done, t.instruments().size(), decided == null ? null : decided.reason()));
            }
        }
        due.sort(Comparator.comparing(DueAssessment::state).thenComparing(DueAssessment::dueOn));
        return due;
    }

    /**
     * Records (or, with a reason, changes) one instrument for a participant at a timepoint, with the version a new
     * entry is made with now (an import's); answers the record.
     */
    @Secured(Authorities.ASSESSOR)
    public AssessmentRecord record(String participantId, String timepointCode, String instrumentCode,
            LocalDate assessedOn, Map<String, String> answers, @Nullable String reason) {
        return record(participantId, timepointCode, instrumentCode, null, assessedOn, answers, reason);
    }

    /**
     * As {@link #record}, from a form drawn from version {@code drawnFrom} ({@link InstrumentEntry#version()}): a new
     * entry is refused when a newer version was published meanwhile, since its answers mean what that version's
     * choices said. The assessor may enter a participant-completed instrument from her paper form while she has not
     * answered it; once she has, her answers are refused here ({@code questionnaire.answered}): a data query's answer
     * corrects them ({@link #correct}).
     */
    @Secured(Authorities.ASSESSOR)
    public AssessmentRecord record(String participantId, String timepointCode, String instrumentCode,
            @Nullable Integer drawnFrom, LocalDate assessedOn, Map<String, String> answers, @Nullable String reason) {
        BlindedParticipantRow participant = participants.blindedParticipant(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        return write(participant, timepointCode, instrumentCode, drawnFrom, assessedOn, answers, reason, null, false);
    }

    /**
     * Records the signed-in participant's own answers to one of her questionnaires that is open now (see
     * {@link Questionnaires}), dated today, with how she was identified: "answered by the participant". Answers are
     * final: a questionnaire answered already, by her or from a paper form, is refused; a later correction is a data
     * query's. A questionnaire that is not hers, not participant-completed or not open is not found.
     */
    @Secured(Authorities.PARTICIPANT)
    public AssessmentRecord answerOwn(String timepointCode, String instrumentCode, int drawnFrom,
            Map<String, String> answers) {
        BlindedParticipantRow me = participants.mine().orElseThrow(() -> new NotFoundException("Participant", "own"));
        locks.requireStudyOpen(me.studyId());
        DueQuestionnaire due = questionnaires.of(me).stream()
                .filter(q -> q.timepoint().equals(timepointCode) && q.instrument().equals(instrumentCode))
                .findFirst().orElseThrow(() -> new NotFoundException("Questionnaire", instrumentCode));
        if (due.state() == DueQuestionnaire.State.COMPLETED) {
            throw ValidationException.of("instrument", "questionnaire.answered");
        }
        if (!due.state().answerable()) {
            throw new NotFoundException("Questionnaire", instrumentCode);
        }
        SignInWay way = CurrentUser.signInWay().orElseThrow();
        return write(me, timepointCode, instrumentCode, drawnFrom,
                LocalDate.now(clock.withZone(CurrentUser.require().zone())), answers, null, way, false);
    }

    /**
     * One entry or change: the lock guard, the version, the date, validation and scores, the hard edit checks, then
     * the write, its audit entry and the change event. {@code identifiedBy} is set for the participant's own answers;
     * {@code correction} for a data query's answer, the one way to change what she answered herself.
     */
    private AssessmentRecord write(BlindedParticipantRow participant, String timepointCode, String instrumentCode,
            @Nullable Integer drawnFrom, LocalDate assessedOn, Map<String, String> answers, @Nullable String reason,
            @Nullable SignInWay identifiedBy, boolean correction) {
        String participantId = participant.id();
        String studyId = participant.studyId();
        locks.requireStudyOpen(studyId);
        Timepoint timepoint = studies.schedule(studyId).stream().filter(t -> t.code().equals(timepointCode))
                .filter(t -> t.instruments().contains(instrumentCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("Timepoint", timepointCode));
        ClinicalForm form = ClinicalForm.instrument(studyId, participantId, timepointCode, instrumentCode);
        locks.requireWritable(form);
        Optional<Assessment> existing = assessments.assessment(participantId, timepointCode, instrumentCode);
        // Her answers are final: neither she nor the assessor's form (nor an import through it) changes them; a
        // correction is a data query's, answered by the site.
        if (existing.isPresent() && (identifiedBy != null
                || (!correction && existing.get().getRespondent() == Respondent.PARTICIPANT))) {
            throw ValidationException.of("instrument", "questionnaire.answered");
        }
        // A new entry is made with the newest published version; a change keeps the version the entry was made with.
        // Her own answers keep the version she was shown: she may have begun before a newer one was published, and
        // her answers mean what that version's questions said.
        InstrumentVersion version = (existing.isPresent() ? instruments.publishedVersion(instrumentCode,
                existing.get().getInstrumentVersion()) : identifiedBy != null && drawnFrom != null
                        ? instruments.publishedVersion(instrumentCode, drawnFrom)
                : instruments.newestPublished(instrumentCode))
                .orElseThrow(() -> new NotFoundException("Instrument", instrumentCode));
        if (drawnFrom != null && drawnFrom != version.getNumber()) {
            throw ValidationException.of("instrument", "instrument.version-changed");
        }
        Instrument instrument = version.getInstrument();
        if (assessedOn.isAfter(LocalDate.now(clock.withZone(CurrentUser.require().zone())))
                || (participant.consentedOn() != null && assessedOn.isBefore(participant.consentedOn()))
                || (participant.enrolledOn() != null && assessedOn.isBefore(
                        participant.enrolledOn().minusDays(timepoint.windowBefore() + 30L)))) {
            throw ValidationException.of("assessedOn", "assessment.date.invalid");
        }
        Map<String, String> clean = InstrumentScoring.validated(instrument, answers);
        Map<String, Double> scores = InstrumentScoring.scores(instrument, clean);
        if (existing.isPresent() && Inputs.isBlankOrLonger(reason, REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        rules.check(form, values(clean, scores, assessedOn, participant.enrolledOn() == null ? null
                : window(participant, timepoint)));
        String by = CurrentUser.require().username();
        if (existing.isEmpty()) {
            // To the millisecond, as the database keeps it: the record answered is the one read back later.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            try {
                Assessment created = assessments.add(identifiedBy == null
                        ? new Assessment(studyId, participantId, timepointCode, instrumentCode, version.getNumber(),
                                assessedOn, clean, scores, by, now)
                        : Assessment.answeredByParticipant(studyId, participantId, timepointCode, instrumentCode,
                                version.getNumber(), assessedOn, clean, scores, by, now, identifiedBy));
                // A first entry needs no reason; one given (an API import says so) goes on the record. The
                // participant's own answers say so, and how she was identified, in the audit trail's words.
                audit.record(identifiedBy == null ? "assessment.recorded" : "assessment.answered-by-participant."
                        + identifiedBy.code(),
                        ENTITY, created.requireId(), null, created.toRecord(),
                        reason == null || reason.isBlank() ? null : reason.strip());
                events.publishEvent(new ClinicalDataChanged(documentsTenant(), form, changedItems(null,
                        created.toRecord()), null));
                return created.toRecord();
            } catch (DuplicateKeyException enteredMeanwhile) {
                throw identifiedBy == null ? ValidationException.of("reason", "change.reason.required")
                        : ValidationException.of("instrument", "questionnaire.answered");
            }
        }
        AssessmentRecord before = existing.get().toRecord();
        if (!assessments.amend(existing.get(), assessedOn, clean, scores, by, clock.instant())) {
            throw ValidationException.of("reason", "assessment.changed-meanwhile");
        }
        AssessmentRecord after = assessments.assessment(before.id()).toRecord();
        audit.record("assessment.changed", ENTITY, before.id(), before, after, reason);
        Set<String> changed = changedItems(before, after);
        if (!changed.isEmpty()) {
            events.publishEvent(new ClinicalDataChanged(documentsTenant(), form, changed, reason));
        }
        return after;
    }

    /**
     * Corrects one item (or the date, as {@link #ASSESSED_ON}) of an entry that exists, with a reason: an answer to a
     * data query, which the clinician may give as well as the assessor. The rest of the entry stays; the change is
     * checked, audited and announced as any change of {@link #record} is.
     */
    @Secured({Authorities.ASSESSOR, Authorities.CLINICIAN})
    public AssessmentRecord correct(String participantId, String timepointCode, String instrumentCode, String item,
            String value, String reason) {
        AssessmentRecord existing = assessments.assessment(participantId, timepointCode, instrumentCode)
                .map(Assessment::toRecord)
                .orElseThrow(() -> new NotFoundException("Assessment", instrumentCode + "@" + timepointCode));
        if (Inputs.isBlankOrLonger(reason, REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        LocalDate assessedOn = existing.assessedOn();
        Map<String, String> answers = new LinkedHashMap<>(existing.answers());
        if (ASSESSED_ON.equals(item)) {
            try {
                assessedOn = LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw ValidationException.of(ASSESSED_ON, "assessment.date.invalid");
            }
        } else {
            boolean known = instruments.publishedVersion(instrumentCode, existing.instrumentVersion())
                    .map(v -> v.getInstrument().item(item).isPresent()).orElse(false);
            if (!known) {
                throw new NotFoundException("Item", item);
            }
            answers.put(item, value.strip());
        }
        // The check and the audit of a change, as the assessor's own change has them; the one way to correct what
        // the participant answered herself.
        BlindedParticipantRow participant = participants.blindedParticipant(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        return write(participant, timepointCode, instrumentCode, existing.instrumentVersion(), assessedOn, answers,
                reason, null, true);
    }

    /** The items (and the date, as {@code assessedOn}) whose value an entry or a change set. */
    private static Set<String> changedItems(@Nullable AssessmentRecord before, AssessmentRecord after) {
        Set<String> changed = new java.util.TreeSet<>();
        Map<String, String> was = before == null ? Map.of() : before.answers();
        Set<String> items = new HashSet<>(was.keySet());
        items.addAll(after.answers().keySet());
        for (String item : items) {
            if (!Objects.equals(was.get(item), after.answers().get(item))) {
                changed.add(item);
            }
        }
        if (before == null || !before.assessedOn().equals(after.assessedOn())) {
            changed.add(ASSESSED_ON);
        }
        return changed;
    }

    private static String documentsTenant() {
        return Objects.requireNonNull(CurrentUser.require().tenantId());
    }

    /**
     * What an instrument's form at a timepoint is drawn from: the version its entry was made with, or the newest
     * published one for a new entry, and the entry when there is one.
     */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public Optional<InstrumentEntry> entry(String participantId, String timepoint, String instrumentCode) {
        Optional<AssessmentRecord> saved = find(participantId, timepoint, instrumentCode);
        return (saved.isPresent() ? instruments.publishedVersion(instrumentCode, saved.get().instrumentVersion())
                : instruments.newestPublished(instrumentCode))
                .map(v -> new InstrumentEntry(v.getInstrument(), v.getNumber(), saved.orElse(null)));
    }

    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public Optional<AssessmentRecord> find(String participantId, String timepoint, String instrument) {
        return assessments.assessment(participantId, timepoint, instrument).map(Assessment::toRecord);
    }

    /** The participants with an assessment at any timepoint after the schedule's first: those with outcome data. */
    @Secured(Authorities.CLINICIAN)
    public Set<String> participantsWithFollowUp(String studyId) {
        List<Timepoint> schedule = studies.schedule(studyId);
        if (schedule.size() < 2) {
            return Set.of();
        }
        Set<String> followUps = new HashSet<>();
        schedule.subList(1, schedule.size()).forEach(t -> followUps.add(t.code()));
        Set<String> participantsSeen = new HashSet<>();
        assessments.atTimepoints(studyId, followUps).forEach(a -> participantsSeen.add(a.getParticipantId()));
        return participantsSeen;
    }

    /** The recorded assessments of some participants of a study (an export's page of them). */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public List<AssessmentRecord> assessmentsOf(String studyId, Collection<String> participantIds) {
        return assessments.ofParticipants(studyId, participantIds).stream().map(Assessment::toRecord).toList();
    }

    /**
     * The scores a study's schedule measures, instrument by instrument in the order the schedule first names them,
     * each named as its instrument's newest published version names it: what the outcome summary can be asked for.
     * Another tenant's study is not found.
     */
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public List<OutcomeScore> outcomeScores(String studyId) {
        List<OutcomeScore> scores = new ArrayList<>();
        studies.schedule(studyId).stream().flatMap(t -> t.instruments().stream()).distinct()
                .forEach(code -> instruments.acrossVersions(code).ifPresent(instrument -> instrument.scores()
                        .forEach(score -> scores.add(new OutcomeScore(code, instrument.name(), score.code(),
                                score.label())))));
        return scores;
    }

    /**
     * Every recorded entry of a study with its scores, for the outcome summary: only what is recorded (a draft of a
     * questionnaire is not an entry), with the scores its answers computed. No arm. Another tenant's study is not
     * found.
     */
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public List<ScoredEntry> scoredEntries(String studyId) {
        studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
        return assessments.ofStudy(studyId).stream().map(Assessment::toRecord).map(a -> new ScoredEntry(
                a.participantId(), a.timepoint(), a.instrument(), a.assessedOn(), a.scores())).toList();
    }

    /**
     * Every recorded instrument of a study as a form (no answers): what source-data verification plans and counts, for
     * the monitor and the tenant administrator.
     */
    @Secured({Authorities.MONITOR, Authorities.CLINICIAN, Authorities.TENANT_ADMIN})
    public List<ClinicalForm> formsOf(String studyId) {
        return assessments.ofStudy(studyId).stream().map(a -> ClinicalForm.instrument(studyId, a.getParticipantId(),
                a.getTimepoint(), a.getInstrument())).toList();
    }

    /**
     * A timepoint's window, counted from enrolment (randomisation), the schedule's anchor; it never opens before the
     * participant consented, since nothing may be measured for the study before consent.
     */
    static Window window(BlindedParticipantRow p, Timepoint t) {
        LocalDate dueOn = Objects.requireNonNull(p.enrolledOn()).plusDays(t.dayOffset());
        LocalDate opens = dueOn.minusDays(t.windowBefore());
        if (p.consentedOn() != null && opens.isBefore(p.consentedOn())) {
            opens = p.consentedOn();
        }
        return new Window(opens, dueOn.plusDays(t.windowAfter()));
    }

    record Window(LocalDate opens, LocalDate closes) {}

    /** An entry's values as an edit check reads them: answers, scores, its date and its timepoint's window. */
    static Map<String, String> values(Map<String, String> answers, Map<String, Double> scores, LocalDate assessedOn,
            @Nullable Window window) {
        Map<String, String> values = new HashMap<>(answers);
        scores.forEach((code, score) -> values.put(code, FormValues.text(score)));
        values.put(ASSESSED_ON, assessedOn.toString());
        if (window != null) {
            values.put(FormValues.WINDOW_OPENS, window.opens().toString());
            values.put(FormValues.WINDOW_CLOSES, window.closes().toString());
        }
        return values;
    }

    private static DueAssessment.State state(LocalDate today, LocalDate opens, LocalDate closes, boolean complete,
            @Nullable MissedVisitRecord decided) {
        if (complete) {
            return DueAssessment.State.DONE;
        }
        if (decided != null) {
            return decided.kind() == MissedVisitRecord.Kind.MISSED ? DueAssessment.State.MISSED
                    : DueAssessment.State.NOT_DONE;
        }
        if (today.isAfter(closes)) {
            return DueAssessment.State.WINDOW_CLOSED;
        }
        return today.isBefore(opens) ? DueAssessment.State.UPCOMING : DueAssessment.State.DUE;
    }
}
