package org.researchportal.exercise;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.ProgrammeParticipants;
import org.researchportal.study.StudyService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The study's exercise manual: its editions, the exercises and programme templates in them, and the standard guidance.
 * Each change publishes a new edition; programmes already prescribed keep the edition they follow.
 */
@Service
public class ExerciseManuals {

    private static final String CODE = "[a-z][a-z0-9_]{0,39}";
    static final int TITLE_MAX_LENGTH = 120;
    static final int TEXT_MAX_LENGTH = 500;
    static final int MAX_STEPS = 12;

    private final ProgrammeParticipants participants;
    private final AuditTrail audit;
    private final StudyService studies;
    private final ProgrammeRecords records;
    private final Clock clock;

    ExerciseManuals(ProgrammeParticipants participants, AuditTrail audit, StudyService studies,
            ProgrammeRecords records, Clock clock) {
        this.participants = participants;
        this.audit = audit;
        this.studies = studies;
        this.records = records;
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
        return publish(studyId, records.latestManual(studyId).map(m -> m.getEdition() + 1).orElse(1), exercises,
                guidance, templates, demoContent);
    }

    /**
     * Stores an edition under the number the caller expects: if someone published that number meanwhile, the unique
     * (study, edition) index refuses it and the person is told, so no edit is silently built on a stale edition.
     */
    private int publish(String studyId, int edition, List<ManualExercise> exercises, List<GuidancePage> guidance,
            List<ProgrammeTemplate> templates, boolean demoContent) {
        ExerciseManual manual;
        try {
            manual = records.publish(new ExerciseManual(studyId, edition, exercises, guidance, templates,
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
        ExerciseManual current = records.latestManual(studyId).orElseThrow(() -> new NotFoundException("ExerciseManual",
                studyId));
        ManualExercise before = current.exercise(revised.code())
                .orElseThrow(() -> new NotFoundException("ManualExercise", revised.code()));
        Map<String, String> errors = exerciseErrors(revised, reason);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // The phase, region and progression levels stay: programmes and the manual's order depend on them.
        ManualExercise kept = new ManualExercise(before.code(), before.phase(), before.region(), tidy(revised.title()),
                tidy(revised.purpose()), revised.steps().stream().map(ExerciseManuals::tidy).toList(),
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
        Optional<ExerciseManual> current = records.latestManual(studyId);
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
                tidy(added.purpose()), added.steps().stream().map(ExerciseManuals::tidy).toList(), added.dosage(),
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
        ExerciseManual current = records.latestManual(studyId).orElseThrow(() -> ValidationException.of("exercises",
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
        return records.latestManual(studyId).map(ExerciseManual::getGuidance).orElse(List.of());
    }

    /** The standard guidance of the signed-in participant's study, whichever arm they are in. */
    @Secured(Authorities.PARTICIPANT)
    public List<GuidancePage> myGuidance() {
        return participants.me().map(me -> guidance(me.studyId())).orElse(List.of());
    }

    /** The current manual, for staff. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.THERAPIST, Authorities.CLINICIAN})
    public Optional<ExerciseManual> manual(String studyId) {
        return records.latestManual(studyId);
    }
}
