package org.researchportal.exercise;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.ParticipantRef;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The exercise manual, programmes and session logs. Only participants of an intervention arm have a programme: a
 * control-arm participant asking for one, or for the manual, is answered "not found", as the protocol gives them
 * standard guidance only.
 */
@Service
public class ExerciseService {

    static final String ENTITY = "Programme";
    static final int INACTIVE_DAYS = 7;
    private static final String CODE = "[a-z][a-z0-9_]{0,39}";
    static final int TITLE_MAX_LENGTH = 120;
    static final int TEXT_MAX_LENGTH = 500;
    static final int MAX_STEPS = 12;

    private final TenantDocuments documents;
    private final ParticipantService participants;
    private final AuditTrail audit;
    private final StudyService studies;
    private final WeeklySummaries summaries;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExerciseService(TenantDocuments documents, ParticipantService participants, AuditTrail audit,
            StudyService studies, WeeklySummaries summaries, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.summaries = summaries;
        this.documents = documents;
        this.participants = participants;
        this.audit = audit;
        this.studies = studies;
        this.clock = clock;
    }

    /** Publishes a new edition of a study's manual; earlier editions stay for the programmes that follow them. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public int publishManual(String studyId, List<ManualExercise> exercises, List<GuidancePage> guidance,
            List<ProgrammeTemplate> templates, boolean demoContent) {
        if (studies.study(studyId).isEmpty()) {
            throw new NotFoundException("Study", studyId);
        }
        Set<String> codes = new HashSet<>();
        boolean valid = !exercises.isEmpty() && exercises.stream().allMatch(e -> e.code().matches(CODE)
                && codes.add(e.code()) && e.dosage().valid() && !e.title().en().isBlank() && !e.steps().isEmpty())
                && templates.stream().allMatch(t -> codes.containsAll(t.exercises()) && !t.exercises().isEmpty()
                        && t.sessionsPerWeek() >= 1 && t.sessionsPerWeek() <= 7);
        if (!valid) {
            throw ValidationException.of("manual", "manual.invalid");
        }
        return publish(studyId, latestManual(studyId).map(m -> m.getEdition() + 1).orElse(1), exercises, guidance,
                templates, demoContent);
    }

    /**
     * Stores an edition under the number the caller expects: if someone published that number meanwhile, the unique
     * (study, edition) index refuses it and the person is told, so no edit is silently built on a stale edition.
     */
    private int publish(String studyId, int edition, List<ManualExercise> exercises, List<GuidancePage> guidance,
            List<ProgrammeTemplate> templates, boolean demoContent) {
        ExerciseManual manual;
        try {
            manual = documents.insert(new ExerciseManual(studyId, edition, exercises, guidance, templates,
                    demoContent, CurrentUser.require().username(), clock.instant()));
        } catch (DuplicateKeyException publishedMeanwhile) {
            throw ValidationException.of("manual", "manual.published-meanwhile");
        }
        audit.record("manual.published", "ExerciseManual", manual.requireId(), null,
                Map.of("edition", edition, "exercises", exercises.size()), null);
        return edition;
    }

    /**
     * Revises one exercise of the study's current manual (its words in both languages, its method and its dosage)
     * and publishes the result as a new edition. Programmes already prescribed keep the edition they follow.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public int reviseExercise(String studyId, ManualExercise revised, String reason) {
        ExerciseManual current = latestManual(studyId).orElseThrow(() -> new NotFoundException("ExerciseManual",
                studyId));
        ManualExercise before = current.exercise(revised.code())
                .orElseThrow(() -> new NotFoundException("ManualExercise", revised.code()));
        Map<String, String> errors = exerciseErrors(revised, reason);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // The phase, region and progression levels stay: programmes and the manual's order depend on them.
        ManualExercise kept = new ManualExercise(before.code(), before.phase(), before.region(), tidy(revised.title()),
                tidy(revised.purpose()), revised.steps().stream().map(ExerciseService::tidy).toList(),
                revised.dosage(), before.progression(), tidy(revised.safety()), tidy(revised.stopRule()));
        List<ManualExercise> exercises = current.getExercises().stream()
                .map(e -> e.code().equals(kept.code()) ? kept : e).toList();
        int edition = publish(studyId, current.getEdition() + 1, exercises, current.getGuidance(),
                current.getTemplates(), current.isDemoContent());
        audit.record("manual.exercise-revised", "ExerciseManual", studyId + "/" + kept.code(), before, kept,
                reason.trim());
        return edition;
    }

    /**
     * Adds an exercise to the study's manual and publishes the result as a new edition, or as the first edition when
     * the study has none yet: how a team that starts from nothing builds its manual in the screens.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public int addExercise(String studyId, ManualExercise added, String reason) {
        if (studies.study(studyId).isEmpty()) {
            throw new NotFoundException("Study", studyId);
        }
        Optional<ExerciseManual> current = latestManual(studyId);
        Map<String, String> errors = exerciseErrors(added, reason);
        if (added.code() == null || !added.code().matches(CODE)) {
            errors.put("code", "manual.code.invalid");
        } else if (current.flatMap(m -> m.exercise(added.code())).isPresent()) {
            errors.put("code", "manual.code.taken");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ManualExercise kept = new ManualExercise(added.code(), added.phase(), added.region(), tidy(added.title()),
                tidy(added.purpose()), added.steps().stream().map(ExerciseService::tidy).toList(), added.dosage(),
                List.of(), tidy(added.safety()), tidy(added.stopRule()));
        List<ManualExercise> exercises = new ArrayList<>(current.map(ExerciseManual::getExercises).orElse(List.of()));
        exercises.add(kept);
        int edition = publish(studyId, current.map(m -> m.getEdition() + 1).orElse(1), exercises,
                current.map(ExerciseManual::getGuidance).orElse(List.of()),
                current.map(ExerciseManual::getTemplates).orElse(List.of()), false);
        audit.record("manual.exercise-added", "ExerciseManual", studyId + "/" + kept.code(), null, kept,
                reason.trim());
        return edition;
    }

    /**
     * Defines a programme template of the manual (or replaces the one with its code) and publishes a new edition:
     * prescribing starts from a template, so a new team needs one before its first prescription.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST})
    public int defineTemplate(String studyId, ProgrammeTemplate template, String reason) {
        ExerciseManual current = latestManual(studyId).orElseThrow(() -> ValidationException.of("exercises",
                "programme.no-manual"));
        Map<String, String> errors = new HashMap<>();
        if (template.code() == null || !template.code().matches(CODE)) {
            errors.put("code", "manual.code.invalid");
        }
        checkText(errors, "name", template.name(), TITLE_MAX_LENGTH, true);
        if (template.exercises().isEmpty() || !template.exercises().stream()
                .allMatch(code -> current.exercise(code).isPresent())) {
            errors.put("exercises", "manual.template.exercises.invalid");
        }
        if (template.sessionsPerWeek() < 1 || template.sessionsPerWeek() > 7) {
            errors.put("sessionsPerWeek", "manual.template.sessions.invalid");
        }
        if (Inputs.isBlankOrLonger(reason, 500)) {
            errors.put("reason", "change.reason.required");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ProgrammeTemplate kept = new ProgrammeTemplate(template.code(), tidy(template.name()),
                List.copyOf(template.exercises()), template.sessionsPerWeek());
        List<ProgrammeTemplate> templates = new ArrayList<>(current.getTemplates().stream()
                .filter(t -> !t.code().equals(kept.code())).toList());
        templates.add(kept);
        int edition = publish(studyId, current.getEdition() + 1, current.getExercises(), current.getGuidance(),
                templates, current.isDemoContent());
        audit.record("manual.template-defined", "ExerciseManual", studyId + "/" + kept.code(),
                current.getTemplates().stream().filter(t -> t.code().equals(kept.code())).findFirst().orElse(null),
                kept, reason.trim());
        return edition;
    }

    /** What is wrong with an exercise's words, method and dosage, and the reason, by field. */
    private static Map<String, String> exerciseErrors(ManualExercise exercise, String reason) {
        Map<String, String> errors = new HashMap<>();
        checkText(errors, "title", exercise.title(), TITLE_MAX_LENGTH, true);
        checkText(errors, "purpose", exercise.purpose(), TEXT_MAX_LENGTH, true);
        checkText(errors, "safety", exercise.safety(), TEXT_MAX_LENGTH, true);
        checkText(errors, "stopRule", exercise.stopRule(), TEXT_MAX_LENGTH, true);
        if (exercise.steps().isEmpty() || exercise.steps().size() > MAX_STEPS || exercise.steps().stream()
                .anyMatch(step -> Inputs.isBlankOrLonger(step.en(), TEXT_MAX_LENGTH)
                        || (step.zh() != null && step.zh().length() > TEXT_MAX_LENGTH))) {
            errors.put("steps", "manual.steps.invalid");
        }
        if (exercise.dosage() == null || !exercise.dosage().valid()) {
            errors.put("dosage", "programme.adjust.invalid");
        }
        if (Inputs.isBlankOrLonger(reason, 500)) {
            errors.put("reason", "change.reason.required");
        }
        return errors;
    }

    /** Trimmed; Chinese left empty shows the English rather than nothing. */
    private static Text tidy(Text text) {
        String en = text.en().trim();
        String zh = text.zh() == null || text.zh().isBlank() ? en : text.zh().trim();
        return new Text(en, zh);
    }

    private static void checkText(Map<String, String> errors, String field, Text text, int max, boolean required) {
        boolean enBad = required ? Inputs.isBlankOrLonger(text.en(), max) : text.en() != null
                && text.en().length() > max;
        boolean zhBad = text.zh() != null && text.zh().length() > max;
        if (enBad || zhBad) {
            errors.put(field, "manual.text.invalid");
        }
    }

    /** The standard guidance every participant may read, and staff too. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.THERAPIST, Authorities.COORDINATOR,
            Authorities.PARTICIPANT})
    public List<GuidancePage> guidance(String studyId) {
        return latestManual(studyId).map(ExerciseManual::getGuidance).orElse(List.of());
    }

    /** The standard guidance of the signed-in participant's study, whichever arm they are in. */
    @Secured(Authorities.PARTICIPANT)
    public List<GuidancePage> myGuidance() {
        return participants.me().map(me -> guidance(me.studyId())).orElse(List.of());
    }

    /** The current manual, for staff. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN})
    public Optional<ExerciseManual> manual(String studyId) {
        return latestManual(studyId);
    }

    /** The whole manual for a participant of the exercise arm (the edition their programme follows). */
    @Secured(Authorities.PARTICIPANT)
    public ExerciseManual myManual() {
        Programme programme = programmeDocument(myExerciseSelf().id());
        return documents.getById(programme.getManualId(), ExerciseManual.class);
    }

    /** The signed-in participant's programme with the manual edition it follows (exercise arm only). */
    @Secured(Authorities.PARTICIPANT)
    public OwnProgramme myProgramme() {
        ParticipantRef me = myExerciseSelf();
        Programme programme = programmeDocument(me.id());
        return new OwnProgramme(me, programme, documents.getById(programme.getManualId(), ExerciseManual.class));
    }

    /** A participant's programme with the manual edition it follows, for their therapist's handout. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public OwnProgramme programmeWithManual(String participantId) {
        ParticipantRef participant = exerciseParticipant(participantId);
        Programme programme = programmeDocument(participantId);
        return new OwnProgramme(participant, programme, documents.getById(programme.getManualId(),
                ExerciseManual.class));
    }

    /** A participant's programme and its manual edition. */
    public record OwnProgramme(ParticipantRef participant, Programme programme, ExerciseManual manual) {
    }

    /** Prescribes a programme from a template of the current manual, on the given weekdays from a start date. */
    @Secured(Authorities.THERAPIST)
    public Programme prescribe(String participantId, String templateCode, LocalDate startDate,
            Set<DayOfWeek> weekdays, String reason) {
        ParticipantRef participant = exerciseParticipant(participantId);
        ExerciseManual manual = latestManual(participant.studyId())
                .orElseThrow(() -> ValidationException.of("template", "programme.no-manual"));
        ProgrammeTemplate template = manual.getTemplates().stream().filter(t -> t.code().equals(templateCode))
                .findFirst().orElseThrow(() -> ValidationException.of("template", "programme.template.invalid"));
        Map<String, String> errors = new HashMap<>();
        if (weekdays.isEmpty()) {
            errors.put("weekdays", "programme.weekdays.invalid");
        }
        if (startDate.isBefore(today(participant).minusDays(7))) {
            errors.put("startDate", "programme.start.invalid");
        }
        if (Inputs.isBlankOrLonger(reason, 500)) {
            errors.put("reason", "change.reason.required");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<ProgrammeItem> items = template.exercises().stream().map(code -> new ProgrammeItem(code,
                manual.exercise(code).orElseThrow().dosage(), 1)).toList();
        var change = new ProgrammeChange(clock.instant(), CurrentUser.require().username(),
                ProgrammeChange.Action.PRESCRIBED, template.code(), null, reason.trim());
        try {
            Programme programme = documents.insert(new Programme(participantId, participant.studyId(),
                    manual.requireId(), manual.getEdition(), template.code(), startDate,
                    weekdays.stream().sorted().toList(), items, List.of(change), clock.instant()));
            audit.record("programme.prescribed", ENTITY, programme.requireId(), null,
                    Map.of("participantId", participantId, "template", template.code(),
                            "manualEdition", manual.getEdition(), "weekdays", weekdays.stream().sorted().map(DayOfWeek::name).toList()), reason.trim());
            return programme;
        } catch (DuplicateKeyException alreadyPrescribed) {
            throw ValidationException.of("template", "programme.exists");
        }
    }

    /** Adjusts one exercise's dosage and level; the change is kept with who and why. */
    @Secured(Authorities.THERAPIST)
    public Programme adjust(String participantId, String exercise, Dosage dosage, int level, String reason) {
        exerciseParticipant(participantId);
        Programme programme = programmeDocument(participantId);
        if (programme.getItems().stream().noneMatch(i -> i.exercise().equals(exercise)) || !dosage.valid()
                || level < 1 || level > ProgrammeItem.MAX_LEVEL || Inputs.isBlankOrLonger(reason, 500)) {
            throw ValidationException.of("dosage", "programme.adjust.invalid");
        }
        List<ProgrammeItem> items = programme.getItems().stream().map(i -> i.exercise().equals(exercise)
                ? new ProgrammeItem(exercise, dosage, level) : i).toList();
        var change = new ProgrammeChange(clock.instant(), CurrentUser.require().username(),
                ProgrammeChange.Action.ADJUSTED, exercise, level, reason.trim());
        long changed = documents.updateFirst(Query.query(Criteria.where("_id").is(programme.requireId()).and("version")
                .is(programme.getVersion())), new Update().set("items", items).push("changes", change)
                .inc("version", 1), Programme.class);
        if (changed == 0) {
            throw ValidationException.of("dosage", "programme.changed-meanwhile");
        }
        audit.record("programme.adjusted", ENTITY, programme.requireId(), Map.of("items", programme.getItems()),
                Map.of("items", items), reason.trim());
        return programmeDocument(participantId);
    }

    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public Optional<Programme> programmeOf(String participantId) {
        exerciseParticipant(participantId);
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId)), Programme.class);
    }

    /** What a therapist works from: the programme, its manual edition and the sessions logged. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public ProgrammeOverview overview(String participantId) {
        ParticipantRef participant = exerciseParticipant(participantId);
        @Nullable Programme programme = documents.findOne(Query.query(Criteria.where("participantId")
                .is(participantId)), Programme.class).orElse(null);
        @Nullable ExerciseManual manual = programme != null
                ? documents.getById(programme.getManualId(), ExerciseManual.class)
                : latestManual(participant.studyId()).orElse(null);
        return new ProgrammeOverview(participant, programme, manual, sessionsOf(participantId),
                figuresOf(participant), checkInsOf(participantId));
    }

    /** The caseload's figures for one participant of the exercise arm; without a programme, nothing is planned. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public ProgrammeFigures figures(String participantId) {
        return figuresOf(exerciseParticipant(participantId));
    }

    /** The same for a page of a caseload at once; a participant not in the exercise arm (or unknown) is left out. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public Map<String, ProgrammeFigures> figures(Collection<String> participantIds) {
        return figuresOf(participants.programmeParticipants(participantIds).stream()
                .filter(ExerciseService::inExerciseArm).toList());
    }

    /**
     * Whole-programme adherence of a page of a study's participants, for an export: one entry per participant with a
     * programme (only the exercise arm has one, which is why a blinded reader never gets this). Two queries a page.
     */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public List<ProgrammeAdherence> adherence(String studyId, Collection<String> participantIds) {
        List<Programme> programmes = documents.find(Query.query(Criteria.where("studyId").is(studyId)
                .and("participantId").in(participantIds)).with(Sort.by("participantId")), Programme.class);
        if (programmes.isEmpty()) {
            return List.of();
        }
        Map<String, ParticipantRef> refs = new HashMap<>();
        participants.programmeParticipants(programmes.stream().map(Programme::getParticipantId).toList())
                .forEach(p -> refs.put(p.id(), p));
        Map<String, SessionCount> counts = new HashMap<>();
        documents.aggregate(SessionLog.class, List.of(
                Aggregation.match(Criteria.where("participantId").in(refs.keySet())),
                Aggregation.group("participantId", "date").count().as("sessions"),
                Aggregation.group("participantId").count().as("days").sum("sessions").as("sessions")),
                SessionCount.class).forEach(c -> counts.put(c.id(), c));
        List<ProgrammeAdherence> adherence = new ArrayList<>();
        for (Programme programme : programmes) {
            ParticipantRef participant = refs.get(programme.getParticipantId());
            if (participant == null) {
                continue;
            }
            // A participant who left the trial is not counted as missing the days after they left.
            LocalDate today = today(participant);
            LocalDate until = participant.leftOn() != null && participant.leftOn().isBefore(today)
                    ? participant.leftOn() : today;
            SessionCount count = counts.getOrDefault(participant.id(), new SessionCount(participant.id(), 0, 0));
            adherence.add(new ProgrammeAdherence(participant.id(), programme.getTemplate(),
                    programme.getManualEdition(), programme.getStartDate(), until,
                    programme.programmeDays(programme.getStartDate(), until).size(), count.days(), count.sessions()));
        }
        return adherence;
    }

    record SessionCount(@Id String id, int days, int sessions) {
    }

    /**
     * A participant's progress week by week since the programme started, from the weekly summaries (not the logs):
     * programme days planned against sessions, exertion and pain, with the pain baseline and the weekly check-ins.
     */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public ProgrammeProgress progress(String participantId) {
        ParticipantRef participant = exerciseParticipant(participantId);
        Programme programme = programmeDocument(participantId);
        LocalDate today = today(participant);
        LocalDate first = weekStart(programme.getStartDate());
        Map<LocalDate, WeeklySummary> summarised = new HashMap<>();
        summaries.since(participantId, first).forEach(w -> summarised.put(w.getWeekStart(), w));
        List<WeekFigures> weeks = new ArrayList<>();
        for (LocalDate week = first; !week.isAfter(today); week = week.plusWeeks(1)) {
            int planned = plannedInWeek(programme, week, today);
            if (!summarised.containsKey(week)) {
                // A week logged before summaries existed (or whose refresh failed) is summarised now.
                summaries.refresh(participantId, participant.studyId(), week);
                summaries.of(participantId, week).ifPresent(w -> summarised.put(w.getWeekStart(), w));
            }
            WeeklySummary summary = summarised.get(week);
            weeks.add(summary == null ? WeekFigures.empty(week, planned) : summary.toFigures(planned));
        }
        OptionalDouble baseline = AlertRules.baseline(firstSessions(participantId, AlertRules.BASELINE_SESSIONS));
        return new ProgrammeProgress(participant, programme.getStartDate(), weeks,
                baseline.isPresent() ? baseline.getAsDouble() : null, checkInsOf(participantId));
    }

    /** Programme days of one week, counting only from the start and up to today. */
    static int plannedInWeek(Programme programme, LocalDate weekStart, LocalDate today) {
        LocalDate end = weekStart.plusDays(6).isAfter(today) ? today : weekStart.plusDays(6);
        return end.isBefore(weekStart) ? 0 : programme.programmeDays(weekStart, end).size();
    }

    /** How the signed-in participant of the exercise arm is doing against their plan. */
    @Secured(Authorities.PARTICIPANT)
    public ProgrammeFigures myFigures() {
        return figuresOf(myExerciseSelf());
    }

    private ProgrammeFigures figuresOf(ParticipantRef participant) {
        return figuresOf(List.of(participant)).get(participant.id());
    }

    /**
     * The figures of several participants with one query per kind of document, not one per participant: a caseload
     * page of 50 costs the same few queries as one row.
     */
    private Map<String, ProgrammeFigures> figuresOf(List<ParticipantRef> refs) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        List<String> ids = refs.stream().map(ParticipantRef::id).toList();
        Map<String, LocalDate> todays = new HashMap<>();
        refs.forEach(p -> todays.put(p.id(), today(p)));
        LocalDate earliest = todays.values().stream().min(LocalDate::compareTo).orElseThrow();
        Map<String, Programme> programmes = new HashMap<>();
        documents.find(Query.query(Criteria.where("participantId").in(ids)), Programme.class)
                .forEach(p -> programmes.put(p.getParticipantId(), p));
        Map<String, List<SessionRecord>> recent = new HashMap<>();
        documents.find(Query.query(Criteria.where("participantId").in(ids).and("date").gt(earliest.minusDays(28)))
                .with(Sort.by(Sort.Direction.DESC, "date", "loggedAt")), SessionLog.class)
                .forEach(log -> recent.computeIfAbsent(log.getParticipantId(), id -> new ArrayList<>())
                        .add(log.toRecord()));
        Map<String, Long> openAlerts = new HashMap<>();
        documents.find(Query.query(Criteria.where("participantId").in(ids).and("handledAt").isNull()),
                ProgrammeAlert.class).forEach(a -> openAlerts.merge(a.getParticipantId(), 1L, Long::sum));
        Map<String, List<WeeklySummary>> weeks = new HashMap<>();
        summaries.since(ids, weekStart(earliest).minusWeeks(4))
                .forEach(w -> weeks.computeIfAbsent(w.getParticipantId(), id -> new ArrayList<>()).add(w));
        Map<String, ProgrammeFigures> figures = new HashMap<>();
        for (ParticipantRef participant : refs) {
            String participantId = participant.id();
            LocalDate today = todays.get(participantId);
            List<SessionRecord> sessions = recent.getOrDefault(participantId, List.of()).stream()
                    .filter(r -> r.date().isAfter(today.minusDays(28))).toList();
            // Only someone with no session in four weeks needs a look further back.
            @Nullable SessionRecord last = sessions.isEmpty() ? documents.findOne(Query.query(Criteria
                    .where("participantId").is(participantId)).with(Sort.by(Sort.Direction.DESC, "date", "loggedAt")),
                    SessionLog.class).map(SessionLog::toRecord).orElse(null) : sessions.getFirst();
            LocalDate fromWeek = weekStart(today).minusWeeks(4);
            List<WeekFigures> lastWeeks = weeks.getOrDefault(participantId, List.of()).stream()
                    .filter(w -> !w.getWeekStart().isBefore(fromWeek)).map(w -> w.toFigures(0)).toList();
            @Nullable Programme programme = programmes.get(participantId);
            figures.put(participantId, new ProgrammeFigures(sessionDays(sessions, today, 7), planned(programme, today,
                    7), sessionDays(sessions, today, 28), planned(programme, today, 28),
                    last == null ? null : last.date(), last == null ? null : Math.max(last.painBefore(),
                            last.painAfter()), ProgrammeFigures.PainTrend.between(lastWeeks),
                    openAlerts.getOrDefault(participantId, 0L)));
        }
        return figures;
    }

    private static int sessionDays(List<SessionRecord> sessions, LocalDate today, int days) {
        LocalDate from = today.minusDays(days);
        return (int) sessions.stream().map(SessionRecord::date).filter(d -> d.isAfter(from)).distinct().count();
    }

    /** Programme days in the window that ends today, counting only from the programme's start. */
    static int planned(@Nullable Programme programme, LocalDate today, int days) {
        return programme == null ? 0 : programme.programmeDays(today.minusDays(days - 1L), today).size();
    }

    /** Today's exercises for the signed-in participant of the exercise arm. */
    @Secured(Authorities.PARTICIPANT)
    public TodayPlan myToday() {
        ParticipantRef me = myExerciseSelf();
        Programme programme = programmeDocument(me.id());
        ExerciseManual manual = documents.getById(programme.getManualId(), ExerciseManual.class);
        LocalDate today = today(me);
        boolean logged = documents.exists(Query.query(Criteria.where("participantId").is(me.id()).and("date")
                .is(today)), SessionLog.class);
        List<TodayPlan.PlannedExercise> planned = programme.getItems().stream().map(i -> manual.exercise(i.exercise())
                .map(e -> new TodayPlan.PlannedExercise(e, i.dosage(), i.level()))).flatMap(Optional::stream)
                .toList();
        return new TodayPlan(today, programme.isProgrammeDay(today), planned, logged);
    }

    /** Logs a session of the signed-in participant of the exercise arm. */
    @Secured(Authorities.PARTICIPANT)
    public SessionRecord logSession(SessionEntry entry) {
        ParticipantRef me = myExerciseSelf();
        Programme programme = programmeDocument(me.id());
        Map<String, String> errors = new HashMap<>();
        LocalDate today = today(me);
        if (entry.date().isAfter(today) || entry.date().isBefore(programme.getStartDate())) {
            errors.put("date", "session.date.invalid");
        }
        Set<String> prescribed = new HashSet<>();
        programme.getItems().forEach(i -> prescribed.add(i.exercise()));
        if (entry.exercises().isEmpty() || !prescribed.containsAll(entry.exercises())) {
            errors.put("exercises", "session.exercises.invalid");
        }
        if (entry.minutes() < 1 || entry.minutes() > SessionLog.MAX_MINUTES) {
            errors.put("minutes", "session.minutes.invalid");
        }
        checkScale(errors, "exertion", entry.exertion());
        checkScale(errors, "painBefore", entry.painBefore());
        checkScale(errors, "painAfter", entry.painAfter());
        @Nullable String note = Inputs.blankToNull(entry.note());
        if (note != null && note.length() > SessionLog.NOTE_MAX_LENGTH) {
            errors.put("note", "session.note.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        SessionLog log = documents.insert(new SessionLog(me.id(), me.studyId(), entry.date(), entry.exercises(),
                entry.minutes(), entry.exertion(), entry.painBefore(), entry.painAfter(), note, entry.safetyStop(),
                clock.instant()));
        audit.record("session.logged", "SessionLog", log.requireId(), null, log.toRecord(), null);
        // Alerts first: a summary that fails to update must not keep a safety stop from the therapist.
        raiseAlerts(me, log.toRecord());
        summaries.refresh(me.id(), me.studyId(), entry.date());
        return log.toRecord();
    }

    /**
     * What the signed-in participant must be told about their latest session when it raised a safety stop or a pain
     * rise alert: the manual's stop rules of the exercises done and the study team's contact. Empty when the latest
     * session raised neither.
     */
    @Secured(Authorities.PARTICIPANT)
    public Optional<SafetyAdvice> mySafetyAdvice() {
        ParticipantRef me = myExerciseSelf();
        Optional<SessionLog> latest = documents.findOne(Query.query(Criteria.where("participantId").is(me.id()))
                .with(Sort.by(Sort.Direction.DESC, "date", "loggedAt")), SessionLog.class);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        SessionRecord session = latest.get().toRecord();
        Set<ProgrammeAlert.Kind> raised = new HashSet<>();
        documents.find(Query.query(Criteria.where("participantId").is(me.id()).and("sessionId").is(session.id())),
                ProgrammeAlert.class).forEach(a -> raised.add(a.getKind()));
        boolean stop = raised.contains(ProgrammeAlert.Kind.SAFETY_STOP);
        boolean rise = raised.contains(ProgrammeAlert.Kind.PAIN_RISE);
        if (!stop && !rise) {
            return Optional.empty();
        }
        Programme programme = programmeDocument(me.id());
        ExerciseManual manual = documents.getById(programme.getManualId(), ExerciseManual.class);
        List<Text> stopRules = session.exercises().stream().map(manual::exercise).flatMap(Optional::stream)
                .map(ManualExercise::stopRule).distinct().toList();
        var team = participants.myParticipation();
        return Optional.of(new SafetyAdvice(session.date(), stop, rise, session.painBefore(), session.painAfter(),
                stopRules, team.map(t -> t.teamPhone()).orElse(null), team.map(t -> t.teamEmail()).orElse(null)));
    }

    @Secured(Authorities.PARTICIPANT)
    public List<SessionRecord> myHistory() {
        return sessionsOf(myExerciseSelf().id());
    }

    /** The week's check-in of the signed-in participant of the exercise arm: one per week, Monday to Sunday. */
    @Secured(Authorities.PARTICIPANT)
    public CheckInRecord checkIn(int jointPain, int stiffness, boolean takingAromataseInhibitor,
            @Nullable String note) {
        ParticipantRef me = myExerciseSelf();
        programmeDocument(me.id());
        Map<String, String> errors = new HashMap<>();
        checkScale(errors, "jointPain", jointPain);
        checkScale(errors, "stiffness", stiffness);
        @Nullable String text = Inputs.blankToNull(note);
        if (text != null && text.length() > SessionLog.NOTE_MAX_LENGTH) {
            errors.put("note", "session.note.invalid");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try {
            WeeklyCheckIn checkIn = documents.insert(new WeeklyCheckIn(me.id(), me.studyId(), weekStart(today(me)),
                    jointPain, stiffness, takingAromataseInhibitor, text, clock.instant()));
            audit.record("check-in.answered", "WeeklyCheckIn", checkIn.requireId(), null, checkIn.toRecord(), null);
            return checkIn.toRecord();
        } catch (DuplicateKeyException alreadyThisWeek) {
            throw ValidationException.of("jointPain", "check-in.exists");
        }
    }

    /** Whether this week's check-in is still to be answered. */
    @Secured(Authorities.PARTICIPANT)
    public boolean myCheckInDue() {
        ParticipantRef me = myExerciseSelf();
        return !documents.exists(Query.query(Criteria.where("participantId").is(me.id()).and("weekStart")
                .is(weekStart(today(me)))), WeeklyCheckIn.class);
    }

    /** A participant's alerts, newest first, open and handled alike. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public List<AlertRecord> alerts(String participantId) {
        exerciseParticipant(participantId);
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "raisedAt")), ProgrammeAlert.class).stream()
                .map(ProgrammeAlert::toRecord).toList();
    }

    /** Marks an open alert handled; the note says what was done. An alert is handled once. */
    @Secured(Authorities.THERAPIST)
    public AlertRecord handleAlert(String alertId, String note) {
        ProgrammeAlert alert = documents.findById(alertId, ProgrammeAlert.class)
                .orElseThrow(() -> new NotFoundException("ProgrammeAlert", alertId));
        if (Inputs.isBlankOrLonger(note, ProgrammeAlert.NOTE_MAX_LENGTH)) {
            throw ValidationException.of("note", "alert.note.required");
        }
        long changed = documents.updateFirst(Query.query(Criteria.where("_id").is(alertId).and("handledAt")
                .isNull()), new Update().set("handledAt", clock.instant())
                .set("handledBy", CurrentUser.require().username()).set("handledNote", note.trim()),
                ProgrammeAlert.class);
        if (changed == 0) {
            throw ValidationException.of("note", "alert.already-handled");
        }
        AlertRecord handled = documents.getById(alertId, ProgrammeAlert.class).toRecord();
        audit.record("alert.handled", "ProgrammeAlert", alertId, alert.toRecord(), handled, note.trim());
        return handled;
    }

    /**
     * Raises a "no session for a week" alert for every programme whose last activity (last session, or the start) is
     * 7 or more days old, once per quiet spell. Run daily for each tenant; answers how many it raised.
     */
    @Secured(Authorities.THERAPIST)
    public int raiseInactivityAlerts() {
        int raised = 0;
        for (Programme programme : documents.find(new Query(), Programme.class)) {
            Optional<ParticipantRef> participant = participants.programmeParticipant(programme.getParticipantId())
                    .filter(ExerciseService::inExerciseArm);
            if (participant.isEmpty()) {
                continue;
            }
            LocalDate today = today(participant.get());
            LocalDate lastActivity = documents.findOne(Query.query(Criteria.where("participantId")
                    .is(programme.getParticipantId())).with(Sort.by(Sort.Direction.DESC, "date")), SessionLog.class)
                    .map(log -> log.toRecord().date())
                    .orElse(programme.getStartDate());
            boolean quietWeek = !lastActivity.isAfter(today.minusDays(INACTIVE_DAYS));
            if (quietWeek && !documents.exists(Query.query(Criteria.where("participantId")
                    .is(programme.getParticipantId()).and("kind").is(ProgrammeAlert.Kind.NO_SESSIONS)
                    .and("sessionDate").is(lastActivity)), ProgrammeAlert.class)) {
                ProgrammeAlert alert = documents.insert(new ProgrammeAlert(programme.getParticipantId(),
                        programme.getStudyId(), ProgrammeAlert.Kind.NO_SESSIONS, lastActivity, null,
                        clock.instant()));
                audit.record("alert.raised", "ProgrammeAlert", alert.requireId(), null, alert.toRecord(), null);
                events.publishEvent(new ProgrammeAlertRaised(documents.currentTenantId(),
                        programme.getParticipantId(), alert.requireId(), ProgrammeAlert.Kind.NO_SESSIONS));
                raised++;
            }
        }
        return raised;
    }

    private void raiseAlerts(ParticipantRef me, SessionRecord session) {
        List<ProgrammeAlert.Kind> kinds = new ArrayList<>();
        if (session.safetyStop()) {
            kinds.add(ProgrammeAlert.Kind.SAFETY_STOP);
        }
        // The baseline needs only the first sessions, not every log the participant ever made.
        List<SessionRecord> earlier = firstSessions(me.id(), AlertRules.BASELINE_SESSIONS + 1).stream()
                .filter(s -> !s.id().equals(session.id())).limit(AlertRules.BASELINE_SESSIONS).toList();
        if (AlertRules.painRise(earlier, session)) {
            kinds.add(ProgrammeAlert.Kind.PAIN_RISE);
        }
        for (ProgrammeAlert.Kind kind : kinds) {
            ProgrammeAlert alert = documents.insert(new ProgrammeAlert(me.id(), me.studyId(), kind, session.date(),
                    session.id(), clock.instant()));
            audit.record("alert.raised", "ProgrammeAlert", alert.requireId(), null, alert.toRecord(), null);
            events.publishEvent(new ProgrammeAlertRaised(documents.currentTenantId(), me.id(), alert.requireId(),
                    kind));
        }
    }

    /**
     * The programme days ahead, today included, of every enrolled exercise-arm participant of the tenant, in each
     * participant's own calendar: what the session reminders are planned from.
     */
    @Secured({Authorities.THERAPIST, Authorities.COORDINATOR})
    public List<ProgrammeDay> programmeDaysAhead(int days) {
        List<ProgrammeDay> ahead = new ArrayList<>();
        for (Programme programme : documents.find(new Query(), Programme.class)) {
            Optional<ParticipantRef> participant = participants.programmeParticipant(programme.getParticipantId())
                    .filter(ExerciseService::inExerciseArm);
            if (participant.isEmpty()) {
                continue;
            }
            LocalDate today = today(participant.get());
            LocalDate firstWeek = weekStart(programme.getStartDate());
            List<String> exercises = programme.getItems().stream().map(ProgrammeItem::exercise).toList();
            programme.programmeDays(today, today.plusDays(days - 1L)).forEach(day -> ahead.add(new ProgrammeDay(
                    programme.getParticipantId(), day, programme.getStudyId(),
                    (int) ChronoUnit.WEEKS.between(firstWeek, weekStart(day)), exercises)));
        }
        return ahead;
    }

    /** One participant's programme day: which week of their programme it falls in, and the exercises prescribed. */
    public record ProgrammeDay(String participantId, LocalDate date, String studyId, int week,
            List<String> exercises) {
    }

    /** Whether the signed-in participant follows an exercise programme (false: standard guidance only). */
    @Secured(Authorities.PARTICIPANT)
    public boolean followsProgramme() {
        return exerciseSelf(participants).isPresent();
    }

    private List<SessionRecord> sessionsOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "date", "loggedAt")), SessionLog.class).stream()
                .map(SessionLog::toRecord).toList();
    }

    /** A participant's earliest sessions, oldest first. */
    private List<SessionRecord> firstSessions(String participantId, int count) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by("date", "loggedAt")).limit(count), SessionLog.class).stream()
                .map(SessionLog::toRecord).toList();
    }

    private List<CheckInRecord> checkInsOf(String participantId) {
        return documents.find(Query.query(Criteria.where("participantId").is(participantId))
                .with(Sort.by(Sort.Direction.DESC, "weekStart")), WeeklyCheckIn.class).stream()
                .map(WeeklyCheckIn::toRecord).toList();
    }

    /** Weeks run Monday to Sunday, as the programme's weekly schedule does. */
    static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private ParticipantRef exerciseParticipant(String participantId) {
        return participants.programmeParticipant(participantId).filter(ExerciseService::inExerciseArm)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
    }

    private ParticipantRef myExerciseSelf() {
        return exerciseSelf(participants).orElseThrow(() -> new NotFoundException("Programme", "own"));
    }

    /**
     * The signed-in participant if they follow a programme (enrolled in an intervention arm). Static, so the media
     * library shares it without a package-private call through this service's proxy.
     */
    static Optional<ParticipantRef> exerciseSelf(ParticipantService participants) {
        return participants.me().filter(ExerciseService::inExerciseArm);
    }

    private Programme programmeDocument(String participantId) {
        return documents.findOne(Query.query(Criteria.where("participantId").is(participantId)), Programme.class)
                .orElseThrow(() -> new NotFoundException("Programme", participantId));
    }

    private Optional<ExerciseManual> latestManual(String studyId) {
        return documents.findOne(Query.query(Criteria.where("studyId").is(studyId))
                .with(Sort.by(Sort.Direction.DESC, "edition")), ExerciseManual.class);
    }

    private LocalDate today(ParticipantRef participant) {
        return LocalDate.now(clock.withZone(ZoneId.of(participant.timeZone())));
    }

    static boolean inExerciseArm(ParticipantRef p) {
        return p.armKind() == ArmKind.INTERVENTION && p.status() == ParticipantStatus.ENROLLED;
    }

    private static void checkScale(Map<String, String> errors, String field, int value) {
        if (value < 0 || value > 10) {
            errors.put(field, "session.scale.invalid");
        }
    }
}
