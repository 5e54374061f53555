package org.researchportal.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.Inputs;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.researchportal.base.security.PortalUser;
import org.researchportal.messaging.Outbox;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * A study's life from set-up to archive. The tenant administrator opens and closes recruitment; a monitor locks the
 * database once nothing blocks it (no open query, the verification plan and the signatures complete, every
 * randomised participant's schedule entered or recorded missed: each {@link DatabaseLockCheck} says what); only the
 * tenant administrator unlocks it again, with a reason, or archives it for good. What each stage allows is enforced by
 * the services that write the study's data (see {@link StudyStage}); every move is audited with who, when and why.
 */
@Service
public class StudyLifecycle {

    public static final int REASON_MAX_LENGTH = 500;
    /** The moves the tenant administrator makes while the study runs; lock, unlock and archive have their own. */
    private static final Map<StudyStage, Set<StudyStage>> MOVES = Map.of(
            StudyStage.SET_UP, EnumSet.of(StudyStage.RECRUITING),
            StudyStage.RECRUITING, EnumSet.of(StudyStage.SET_UP, StudyStage.FOLLOW_UP),
            StudyStage.FOLLOW_UP, EnumSet.of(StudyStage.RECRUITING));

    private final StudyLives lives;
    private final StudyService studies;
    private final ObjectProvider<DatabaseLockCheck> checks;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final TenantDocuments documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudyLifecycle(StudyLives lives, StudyService studies, ObjectProvider<DatabaseLockCheck> checks, Outbox outbox,
            AuditTrail audit, TenantDocuments documents, ApplicationEventPublisher events, Clock clock) {
        this.lives = lives;
        this.studies = studies;
        this.checks = checks;
        this.outbox = outbox;
        this.audit = audit;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
    }

    /** The study's stage and its last move. Every member of the study's staff may know it. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.CLINICIAN, Authorities.ASSESSOR, Authorities.THERAPIST,
            Authorities.COORDINATOR, Authorities.MONITOR})
    public StudyLifeRecord life(String studyId) {
        requireStudy(studyId);
        return lives.of(studyId).map(StudyLife::toRecord).orElseGet(() -> new StudyLifeRecord(StudyStage.RECRUITING,
                null, null, null));
    }

    /** The stages the tenant administrator may move the study to from where it is now. */
    @Secured(Authorities.TENANT_ADMIN)
    public Set<StudyStage> moves(String studyId) {
        requireStudy(studyId);
        return MOVES.getOrDefault(lives.stage(studyId), Set.of());
    }

    /** Opens recruitment, closes it for follow-up, or takes the study back a step; the reason is kept. */
    @Secured(Authorities.TENANT_ADMIN)
    public StudyLifeRecord move(String studyId, StudyStage to, String reason) {
        requireStudy(studyId);
        requireReason(reason);
        StudyStage from = lives.stage(studyId);
        if (!MOVES.getOrDefault(from, Set.of()).contains(to)) {
            throw ValidationException.of("stage", "study-life.move.not-allowed");
        }
        return change(studyId, from, to, reason.trim(), "study.stage-changed");
    }

    /** What blocks the database lock now, each check's in its order; empty when the study may be locked. */
    @Secured({Authorities.MONITOR, Authorities.TENANT_ADMIN})
    public List<LockBlocker> blockers(String studyId) {
        requireStudy(studyId);
        return checks.orderedStream().flatMap(check -> check.blockers(studyId).stream()).toList();
    }

    /**
     * Locks the study's database: refused while anything blocks it ({@link DatabaseLockBlocked} lists what). From
     * then on no service changes its data, its reminders stop (those pending are cancelled) and the archive is
     * written ({@link StudyDatabaseLocked}).
     */
    @Secured(Authorities.MONITOR)
    public StudyLifeRecord lock(String studyId, String reason) {
        requireStudy(studyId);
        requireReason(reason);
        StudyStage from = lives.stage(studyId);
        if (!from.open()) {
            throw ValidationException.of(DatabaseLockBlocked.FIELD, "study.locked");
        }
        List<LockBlocker> blockers = blockers(studyId);
        if (!blockers.isEmpty()) {
            throw new DatabaseLockBlocked(blockers);
        }
        StudyLifeRecord locked = change(studyId, from, StudyStage.LOCKED, reason.trim(), "study.database-locked");
        outbox.cancelPendingReminders(studyId, "The study's database is locked");
        events.publishEvent(new StudyDatabaseLocked(documents.currentTenantId(), studyId, locked.changedAt(),
                CurrentUser.require().username()));
        return locked;
    }

    /** Unlocks a locked (not archived) database, back to the stage it was locked from; needs a reason. */
    @Secured(Authorities.TENANT_ADMIN)
    public StudyLifeRecord unlock(String studyId, String reason) {
        requireStudy(studyId);
        requireReason(reason);
        StudyLife life = lives.of(studyId).filter(l -> l.getStage() == StudyStage.LOCKED)
                .orElseThrow(() -> ValidationException.of(DatabaseLockBlocked.FIELD, "study-life.unlock.not-locked"));
        StudyStage back = life.getBefore() != null && life.getBefore().open() ? life.getBefore()
                : StudyStage.FOLLOW_UP;
        return change(studyId, StudyStage.LOCKED, back, reason.trim(), "study.database-unlocked");
    }

    /** Archives a locked study for good: it stays locked and can no longer be unlocked. */
    @Secured(Authorities.TENANT_ADMIN)
    public StudyLifeRecord archive(String studyId) {
        requireStudy(studyId);
        if (lives.stage(studyId) != StudyStage.LOCKED) {
            throw ValidationException.of("stage", "study-life.archive.not-locked");
        }
        return change(studyId, StudyStage.LOCKED, StudyStage.ARCHIVED, null, "study.archived");
    }

    private StudyLifeRecord change(String studyId, StudyStage from, StudyStage to, @Nullable String reason,
            String action) {
        PortalUser user = CurrentUser.require();
        Instant at = clock.instant();
        if (!lives.moveFrom(studyId, from, to, at, user.displayName(), reason)) {
            throw ValidationException.of("stage", "study-life.changed-meanwhile");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("stage", to.name());
        after.put("at", at);
        audit.record(action, "Study", studyId, Map.of("stage", from.name()), after, reason);
        return new StudyLifeRecord(to, at, user.displayName(), reason);
    }

    private void requireStudy(String studyId) {
        studies.study(studyId).orElseThrow(() -> new NotFoundException("Study", studyId));
    }

    private static void requireReason(String reason) {
        if (Inputs.isBlankOrLonger(reason, REASON_MAX_LENGTH)) {
            throw ValidationException.of("reason", "change.reason.required");
        }
    }
}
