package org.researchportal.exercise;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.ParticipantRef;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** Prescribing a programme to a participant of the exercise arm and adjusting it, as their therapist does. */
@Service
public class Prescriptions {

    static final String ENTITY = "Programme";

    private final AuditTrail audit;
    private final ExerciseArm arm;
    private final ProgrammeRecords records;
    private final Clock clock;
    private final ClinicalRecordLocks locks;

    Prescriptions(AuditTrail audit, ExerciseArm arm, ProgrammeRecords records, Clock clock,
            ClinicalRecordLocks locks) {
        this.locks = locks;
        this.audit = audit;
        this.arm = arm;
        this.records = records;
        this.clock = clock;
    }

    /** A participant's programme with the manual edition it follows, for their therapist's handout. */
    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public OwnProgramme programmeWithManual(String participantId) {
        ParticipantRef participant = arm.participant(participantId);
        Programme programme = records.programme(participantId);
        return new OwnProgramme(participant, programme, records.manualOf(programme));
    }

    /** Prescribes a programme from a template of the current manual, on the given weekdays from a start date. */
    @Secured(Authorities.THERAPIST)
    public Programme prescribe(String participantId, String templateCode, LocalDate startDate,
            Set<DayOfWeek> weekdays, String reason) {
        ParticipantRef participant = arm.participant(participantId);
        locks.requireStudyOpen(participant.studyId());
        ExerciseManual manual = records.latestManual(participant.studyId())
                .orElseThrow(() -> ValidationException.of("template", "programme.no-manual"));
        ProgrammeTemplate template = manual.getTemplates().stream().filter(t -> t.code().equals(templateCode))
                .findFirst().orElseThrow(() -> ValidationException.of("template", "programme.template.invalid"));
        Map<String, String> errors = new HashMap<>();
        if (weekdays.isEmpty()) {
            errors.put("weekdays", "programme.weekdays.invalid");
        }
        if (startDate.isBefore(arm.today(participant).minusDays(7))) {
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
                ProgrammeChange.Action.PRESCRIBED, template.code(), null, reason.trim(), null);
        try {
            Programme programme = records.prescribe(new Programme(participantId, participant.studyId(),
                    manual.requireId(), manual.getEdition(), template.code(), startDate,
                    weekdays.stream().sorted().toList(), items, List.of(change), clock.instant()));
            audit.record("programme.prescribed", ENTITY, programme.requireId(), null,
                    Map.of("participantId", participantId, "template", template.code(),
                            "manualEdition", manual.getEdition(), "weekdays",
                            weekdays.stream().sorted().map(DayOfWeek::name).toList()), reason.trim());
            return programme;
        } catch (DuplicateKeyException alreadyPrescribed) {
            throw ValidationException.of("template", "programme.exists");
        }
    }

    /** Adjusts one exercise's dosage and level; the change is kept with who and why. */
    @Secured(Authorities.THERAPIST)
    public Programme adjust(String participantId, String exercise, Dosage dosage, int level, String reason) {
        locks.requireStudyOpen(arm.participant(participantId).studyId());
        Programme programme = records.programme(participantId);
        if (programme.getItems().stream().noneMatch(i -> i.exercise().equals(exercise)) || !dosage.valid()
                || level < 1 || level > ProgrammeItem.MAX_LEVEL || Inputs.isBlankOrLonger(reason, 500)) {
            throw ValidationException.of("dosage", "programme.adjust.invalid");
        }
        List<ProgrammeItem> items = programme.getItems().stream().map(i -> i.exercise().equals(exercise)
                ? new ProgrammeItem(exercise, dosage, level) : i).toList();
        var change = new ProgrammeChange(clock.instant(), CurrentUser.require().username(),
                ProgrammeChange.Action.ADJUSTED, exercise, level, reason.trim(), dosage);
        if (!records.adjust(programme, items, change)) {
            throw ValidationException.of("dosage", "programme.changed-meanwhile");
        }
        audit.record("programme.adjusted", ENTITY, programme.requireId(), Map.of("items", programme.getItems()),
                Map.of("items", items), reason.trim());
        return records.programme(participantId);
    }

    @Secured({Authorities.THERAPIST, Authorities.CLINICIAN})
    public Optional<Programme> programmeOf(String participantId) {
        arm.participant(participantId);
        return records.findProgramme(participantId);
    }
}
