package org.researchportal.assessments;

import static org.researchportal.assessments.AssessmentService.REASON_MAX_LENGTH;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.Arm;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Did blinding hold? After a follow-up timepoint's outcome assessment the assessor answers "Which group do you think
 * this participant is in?" with one of the study's arms or "don't know" ({@link ArmGuessRecord}). The guesses are the
 * assessor's data; the blinding indexes computed from them, split by arm, are the analysis module's, for unblinded
 * readers only. Nothing here knows a participant's arm, so nothing here can say whether a guess was right.
 */
@Service
public class ArmGuesses {

    static final String ENTITY = "ArmGuess";
    /** The pseudo-instrument a timepoint's guess is held under by a lock (the study's and the participant's). */
    static final String FORM = "*";

    private final ArmGuessRecords guesses;
    private final AssessmentRecords assessments;
    private final BlindedParticipants participants;
    private final StudyService studies;
    private final AuditTrail audit;
    private final ClinicalRecordLocks locks;
    private final Clock clock;

    ArmGuesses(ArmGuessRecords guesses, AssessmentRecords assessments, BlindedParticipants participants,
            StudyService studies, AuditTrail audit, ClinicalRecordLocks locks, Clock clock) {
        this.guesses = guesses;
        this.assessments = assessments;
        this.participants = participants;
        this.studies = studies;
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * Records the signed-in assessor's guess of a randomised participant's arm at a follow-up timepoint (not the
     * schedule's first, the baseline: before the intervention a guess means nothing), once at least one of its
     * instruments is recorded: an arm code of the study or {@link ArmGuessRecord#DONT_KNOW}. A second guess for the
     * same timepoint corrects the first and needs a reason; both are in the audit trail. Refused once the study's
     * database, or the participant, is locked.
     */
    @Secured(Authorities.ASSESSOR)
    public ArmGuessRecord guess(String participantId, String timepointCode, String guess, @Nullable String reason) {
        BlindedParticipantRow participant = participants.blindedParticipant(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        String studyId = participant.studyId();
        locks.requireStudyOpen(studyId);
        if (participant.enrolledOn() == null || !ParticipantStatus.AFTER_ENROLMENT.contains(participant.status())) {
            throw ValidationException.of("guess", "blinding.guess.not-randomised");
        }
        List<Timepoint> schedule = studies.schedule(studyId);
        Timepoint timepoint = schedule.stream().filter(t -> t.code().equals(timepointCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("Timepoint", timepointCode));
        if (timepoint.equals(schedule.getFirst())) {
            throw ValidationException.of("guess", "blinding.guess.baseline");
        }
        List<String> arms = studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId)).arms()
                .stream().map(Arm::code).toList();
        if (!ArmGuessRecord.DONT_KNOW.equals(guess) && !arms.contains(guess)) {
            throw ValidationException.of("guess", "blinding.guess.invalid");
        }
        locks.requireWritable(ClinicalForm.instrument(studyId, participantId, timepointCode, FORM));
        if (assessments.instrumentsRecorded(participantId, timepointCode).stream()
                .noneMatch(timepoint.instruments()::contains)) {
            throw ValidationException.of("guess", "blinding.guess.before-assessment");
        }
        Optional<ArmGuess> existing = guesses.guess(participantId, timepointCode);
        String by = CurrentUser.require().username();
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (existing.isEmpty()) {
            try {
                ArmGuessRecord created = guesses.add(new ArmGuess(studyId, participantId, timepointCode, guess, by,
                        now)).toRecord();
                audit.record("blinding.guess-recorded", ENTITY, created.id(), null, created, null);
                return created;
            } catch (DuplicateKeyException guessedMeanwhile) {
                throw ValidationException.of("reason", "change.reason.required");
            }
        }
        ArmGuessRecord before = existing.get().toRecord();
        if (Inputs.isBlankOrLonger(reason, REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
        if (before.guess().equals(guess)) {
            return before;
        }
        if (!guesses.amend(before.id(), before.guess(), guess, by, now)) {
            throw ValidationException.of("reason", "assessment.changed-meanwhile");
        }
        ArmGuessRecord after = guesses.guess(before.id()).toRecord();
        audit.record("blinding.guess-corrected", ENTITY, before.id(), before, after,
                Objects.requireNonNull(reason).strip());
        return after;
    }

    /**
     * The guess recorded for a participant at a timepoint, if there is one: the assessor sees her guess (and the
     * monitor verifies it), never whether it was right.
     */
    @Secured({Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public Optional<ArmGuessRecord> guessOf(String participantId, String timepointCode) {
        return guesses.guess(participantId, timepointCode).map(ArmGuess::toRecord);
    }

    /**
     * Every guess of a study, for the blinding indexes. Unblinded readers only: alone a guess reveals no arm, but
     * these are read to be set beside the arms.
     */
    @Secured({Authorities.STATISTICIAN, Authorities.CLINICIAN})
    public List<ArmGuessRecord> guessesOf(String studyId) {
        return guesses.ofStudy(studyId).stream().map(ArmGuess::toRecord).toList();
    }
}
