package org.researchportal.quality;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * A monitor's locks: one form at a timepoint, or a whole participant once their last visit is behind them. Locked data
 * refuse every change in the services ({@link RecordLocks}) until an unlock with a reason. A monitor or the tenant
 * administrator may unlock: the monitor who found a form needs correcting after all, or the administrator when no
 * monitor is at hand; both leave their reason in the trail.
 */
@Service
public class RecordLocking {

    static final String ENTITY = "FormLock";
    public static final int REASON_MAX_LENGTH = 500;
    private static final Set<DueAssessment.State> DECIDED = EnumSet.of(DueAssessment.State.DONE,
            DueAssessment.State.MISSED, DueAssessment.State.NOT_DONE);

    private final FormLocks locks;
    private final BlindedParticipants participants;
    private final AssessmentService assessments;
    private final StudyService studies;
    private final AuditTrail audit;
    private final Clock clock;

    RecordLocking(FormLocks locks, BlindedParticipants participants, AssessmentService assessments,
            StudyService studies, AuditTrail audit, Clock clock) {
        this.locks = locks;
        this.participants = participants;
        this.assessments = assessments;
        this.studies = studies;
        this.audit = audit;
        this.clock = clock;
    }

    /** Locks one form of a randomised participant, with the monitor's reason when they give one. */
    @Secured(Authorities.MONITOR)
    public FormLockRow lockForm(ClinicalForm form, @Nullable String reason) {
        requireParticipant(form.studyId(), form.participantId());
        if (!locks.holding(form.participantId(), form.key()).isEmpty()) {
            throw ValidationException.of(ClinicalRecordLocks.FIELD, "lock.already-locked");
        }
        return locked(form.studyId(), form.participantId(), form.key(), reason, "record.form-locked");
    }

    /**
     * Locks everything of a participant: only after their last scheduled timepoint was assessed or recorded as missed,
     * or once they left the study.
     */
    @Secured(Authorities.MONITOR)
    public FormLockRow lockParticipant(String participantId, @Nullable String reason) {
        BlindedParticipantRow participant = participants.blindedParticipant(participantId)
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
        if (participant.leftOn() == null && !lastVisitBehind(participant)) {
            throw ValidationException.of(ClinicalRecordLocks.FIELD, "lock.participant.visits-ahead");
        }
        if (locks.ofParticipant(participantId).stream().anyMatch(FormLock::wholeParticipant)) {
            throw ValidationException.of(ClinicalRecordLocks.FIELD, "lock.already-locked");
        }
        return locked(participant.studyId(), participantId, FormLock.WHOLE_PARTICIPANT, reason,
                "record.participant-locked");
    }

    /** Lifts a lock; the reason is required and kept in the trail. */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public void unlock(String lockId, String reason) {
        if (Inputs.isBlankOrLonger(reason, REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "lock.unlock.reason-required");
        }
        FormLock lock = locks.byId(lockId).orElseThrow(() -> new NotFoundException("Lock", lockId));
        FormLockRow before = lock.toRow();
        locks.remove(lock);
        audit.record("record.unlocked", ENTITY, lockId, trail(before), null, reason.strip());
    }

    /** The locks that hold a form now: its own and its participant's. Site users see them before they type. */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.ASSESSOR,
            Authorities.COORDINATOR})
    public List<FormLockRow> locksOn(ClinicalForm form) {
        return locks.holding(form.participantId(), form.key()).stream()
                .filter(l -> l.getStudyId().equals(form.studyId())).map(FormLock::toRow).toList();
    }

    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN, Authorities.CLINICIAN})
    public List<FormLockRow> locksOfParticipant(String participantId) {
        return locks.ofParticipant(participantId).stream().map(FormLock::toRow).toList();
    }

    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public List<FormLockRow> locksOfStudy(String studyId) {
        return locks.ofStudy(studyId).stream().map(FormLock::toRow)
                .sorted(Comparator.comparing(FormLockRow::lockedAt)).toList();
    }

    private FormLockRow locked(String studyId, String participantId, String formKey, @Nullable String reason,
            String action) {
        if (reason != null && reason.length() > REASON_MAX_LENGTH) {
            throw ValidationException.of("reason", "lock.reason.too-long");
        }
        PortalUser me = CurrentUser.require();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        FormLock lock = locks.add(new FormLock(studyId, participantId, formKey, me.username(), me.displayName(),
                clock.instant()).because(why));
        FormLockRow row = lock.toRow();
        audit.record(action, ENTITY, row.id(), null, trail(row), why);
        return row;
    }

    /** Whether the participant's last scheduled timepoint was assessed or decided missed or not done. */
    private boolean lastVisitBehind(BlindedParticipantRow participant) {
        Optional<Timepoint> last = studies.schedule(participant.studyId()).stream()
                .max(Comparator.comparingInt(Timepoint::dayOffset));
        if (last.isEmpty()) {
            return true;
        }
        return assessments.worklist(participant.studyId()).stream()
                .filter(d -> d.participantId().equals(participant.id()) && d.timepoint().equals(last.get().code()))
                .anyMatch(d -> DECIDED.contains(d.state()));
    }

    private void requireParticipant(String studyId, String participantId) {
        participants.blindedParticipant(participantId).filter(p -> p.studyId().equals(studyId))
                .orElseThrow(() -> new NotFoundException("Participant", participantId));
    }

    /** A lock as the trail keeps it, filed under its participant. */
    private static Map<String, Object> trail(FormLockRow lock) {
        Map<String, Object> trail = new LinkedHashMap<>();
        trail.put("participantId", lock.participantId());
        trail.put("form", lock.wholeParticipant() ? "whole participant" : lock.formKey());
        trail.put("lockedBy", lock.lockedByName());
        trail.put("lockedAt", lock.lockedAt());
        if (lock.reason() != null) {
            trail.put("reason", lock.reason());
        }
        return trail;
    }
}
