package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.messaging.Channel;
import org.researchportal.messaging.MessagePurpose;
import org.researchportal.messaging.NewMessage;
import org.researchportal.messaging.Outbox;
import org.researchportal.messaging.OutboxMessage;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ReleasedAllocations;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.reporting.StudyExports;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A study's life: the tenant administrator opens and closes recruitment, a monitor locks the database only when
 * nothing blocks it, the administrator unlocks it with a reason or archives it; each move is kept with who, when and
 * why, and audited. After the lock its reminders are cancelled and blinded readers' exports name the arm.
 */
@RecordApplicationEvents
class StudyLifecycleTests extends PortalTest {

    @Autowired
    StudyLifecycle lifecycle;
    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    MissedVisits missedVisits;
    @Autowired
    Outbox outbox;
    @Autowired
    AuditTrail audit;
    @Autowired
    StudyExports exports;
    @Autowired
    ReleasedAllocations allocations;
    @Autowired
    ApplicationEvents events;
    @Autowired
    StudyLives lives;
    @Autowired
    SourceVerification verification;
    @Autowired
    org.researchportal.messaging.ReminderPlanner reminders;
    @Autowired
    org.researchportal.followup.FollowUpPlans plans;
    @Autowired
    org.researchportal.followup.CallPlanning planning;

    TrialFixture trial;

    @BeforeEach
    void aStudyOfItsOwn() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 24);
        as(PortalRole.TENANT_ADMIN, () -> {
            studies.configureSchedule(trial.studyId(), List.of(new Timepoint("baseline", "Baseline", "基线", 0, 14, 3,
                    List.of("stiffness"), List.of())));
            return null;
        });
    }

    /** Verifies every form the study's verification plan requires, as its monitor does before the lock. */
    private void verifyEverything(String study) {
        as(PortalRole.MONITOR, () -> {
            verification.progress(study).outstandingForms().forEach(f -> verification.verify(f.form()));
            return null;
        });
    }

    <T> T as(PortalRole role, Supplier<T> work) {
        return asSystem(trial.tenantId(), Set.of(role), work);
    }

    @Test
    void theAdministratorClosesRecruitmentAndScreeningIsRefusedUntilItReopens() {
        String study = trial.studyId();
        assertThat(as(PortalRole.COORDINATOR, () -> lifecycle.life(study)).stage()).isEqualTo(StudyStage.RECRUITING);
        assertThat(as(PortalRole.TENANT_ADMIN, () -> lifecycle.moves(study))).containsExactlyInAnyOrder(
                StudyStage.SET_UP, StudyStage.FOLLOW_UP);

        StudyLifeRecord closed = as(PortalRole.TENANT_ADMIN, () -> lifecycle.move(study, StudyStage.FOLLOW_UP,
                "Target reached"));
        assertThat(closed.stage()).isEqualTo(StudyStage.FOLLOW_UP);
        assertThat(as(PortalRole.ASSESSOR, () -> lifecycle.life(study))).satisfies(life -> {
            assertThat(life.stage()).isEqualTo(StudyStage.FOLLOW_UP);
            assertThat(life.reason()).isEqualTo("Target reached");
            assertThat(life.changedBy()).isNotBlank();
            assertThat(life.changedAt()).isNotNull();
        });
        assertThatThrownBy(() -> trial.asClinician(() -> screening.screen(study, TrialFixture.candidate("Too Late"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("record", "study.not-recruiting"));
        assertThatThrownBy(() -> as(PortalRole.TENANT_ADMIN, () -> lifecycle.move(study, StudyStage.SET_UP,
                "Back"))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("stage", "study-life.move.not-allowed"));
        assertThatThrownBy(() -> as(PortalRole.TENANT_ADMIN, () -> lifecycle.move(study, StudyStage.RECRUITING,
                " "))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("reason", "change.reason.required"));
        assertThatThrownBy(() -> as(PortalRole.MONITOR, () -> lifecycle.move(study, StudyStage.RECRUITING,
                "Reopen"))).isInstanceOf(AccessDeniedException.class);

        as(PortalRole.TENANT_ADMIN, () -> lifecycle.move(study, StudyStage.RECRUITING, "Two more sites"));
        assertThat(trial.asClinician(() -> screening.screen(study, TrialFixture.candidate("Welcome Again"))))
                .isNotBlank();
        assertThat(as(PortalRole.TENANT_ADMIN, () -> audit.history("Study", study))).extracting(
                AuditEvent::getAction).contains("study.stage-changed");
    }

    @Test
    void aMonitorLocksOnlyWhenNothingBlocksAndTheAdministratorUnlocksWithAReasonOrArchives() {
        String study = trial.studyId();
        String participant = trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Still Open", "+8613800138000", "open@example.org")));

        List<LockBlocker> blockers = as(PortalRole.MONITOR, () -> lifecycle.blockers(study));
        // Her consent and eligibility are required by the verification plan and not verified yet.
        assertThat(blockers).extracting(LockBlocker::messageKey).containsExactly("lock-blocker.schedule-open",
                "sdv.blocker.outstanding");
        assertThat(blockers).first().satisfies(b -> {
            assertThat(b.messageKey()).isEqualTo("lock-blocker.schedule-open");
            assertThat(b.participantId()).isEqualTo(participant);
            assertThat(b.arguments()).last().isEqualTo(1);
        });
        assertThat(as(PortalRole.TENANT_ADMIN, () -> lifecycle.blockers(study))).isEqualTo(blockers);
        assertThatThrownBy(() -> as(PortalRole.MONITOR, () -> lifecycle.lock(study, "Last visit done")))
                .isInstanceOfSatisfying(DatabaseLockBlocked.class, e -> assertThat(e.blockers()).isEqualTo(
                        blockers));
        assertThatThrownBy(() -> as(PortalRole.TENANT_ADMIN, () -> lifecycle.lock(study, "Not mine")))
                .isInstanceOf(AccessDeniedException.class);

        as(PortalRole.ASSESSOR, () -> missedVisits.recordMissed(participant, "baseline",
                MissedVisitRecord.Kind.MISSED, "Could not come"));
        OutboxMessage reminder = as(PortalRole.COORDINATOR, () -> outbox.enqueue(new NewMessage("walk-reminder:"
                + participant, MessagePurpose.SESSION_REMINDER, Channel.EMAIL, "open@example.org", participant, study,
                Locale.ENGLISH, "Today", "Your session today", null, Instant.now().plusSeconds(3600))));
        verifyEverything(study);
        events.clear();

        StudyLifeRecord locked = as(PortalRole.MONITOR, () -> lifecycle.lock(study, "Last visit done"));
        try {
            assertThat(locked.stage()).isEqualTo(StudyStage.LOCKED);
            assertThat(events.stream(StudyDatabaseLocked.class)).singleElement().satisfies(e -> {
                assertThat(e.tenantId()).isEqualTo(trial.tenantId());
                assertThat(e.studyId()).isEqualTo(study);
                assertThat(e.at()).isEqualTo(locked.changedAt());
            });
            assertThat(as(PortalRole.COORDINATOR, () -> outbox.messagesOf(participant))).filteredOn(m -> m
                    .requireId().equals(reminder.requireId())).singleElement().extracting(OutboxMessage::getStatus)
                    .isEqualTo(OutboxMessage.Status.CANCELLED);
            assertThatThrownBy(() -> as(PortalRole.MONITOR, () -> lifecycle.lock(study, "Again")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                            .containsEntry("lock", "study.locked"));
            assertThatThrownBy(() -> as(PortalRole.TENANT_ADMIN, () -> lifecycle.move(study,
                    StudyStage.RECRUITING, "Sneak"))).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> as(PortalRole.MONITOR, () -> lifecycle.unlock(study, "Mine")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(PortalRole.TENANT_ADMIN, () -> lifecycle.unlock(study, "")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                            .containsEntry("reason", "change.reason.required"));
        } finally {
            as(PortalRole.TENANT_ADMIN, () -> lifecycle.unlock(study, "A late lab value"));
        }
        assertThat(as(PortalRole.MONITOR, () -> lifecycle.life(study))).satisfies(life -> {
            assertThat(life.stage()).isEqualTo(StudyStage.RECRUITING);
            assertThat(life.reason()).isEqualTo("A late lab value");
        });
        assertThatThrownBy(() -> as(PortalRole.TENANT_ADMIN, () -> lifecycle.archive(study)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("stage", "study-life.archive.not-locked"));

        as(PortalRole.MONITOR, () -> lifecycle.lock(study, "Now complete"));
        assertThat(as(PortalRole.TENANT_ADMIN, () -> lifecycle.archive(study)).stage()).isEqualTo(
                StudyStage.ARCHIVED);
        assertThatThrownBy(() -> as(PortalRole.TENANT_ADMIN, () -> lifecycle.unlock(study, "Reopen")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("lock", "study-life.unlock.not-locked"));
        assertThat(as(PortalRole.TENANT_ADMIN, () -> audit.history("Study", study))).extracting(
                AuditEvent::getAction).contains("study.database-locked", "study.database-unlocked", "study.archived");
        assertThat(as(PortalRole.TENANT_ADMIN, () -> audit.history("Study", study))).filteredOn(e -> e.getAction()
                .equals("study.database-unlocked")).singleElement().extracting(AuditEvent::getReason).isEqualTo(
                        "A late lab value");
    }

    @Test
    void aBlindedReadersExportNamesTheArmOnlyOnceTheDatabaseIsLocked() {
        String study = trial.studyId();
        String participant = trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Allocated Person")));
        String arm = trial.asClinician(() -> exportOf(study)).lines().skip(1).findFirst().orElseThrow()
                .contains(",Exercise,") ? "Exercise" : "Control";

        String blinded = as(PortalRole.MONITOR, () -> exportOf(study));
        assertThat(blinded.lines().findFirst().orElseThrow()).doesNotContain("arm");
        assertThatThrownBy(() -> as(PortalRole.ASSESSOR, () -> allocations.armCodes(study, List.of(participant))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("study", "allocation.blinded-until-lock"));

        as(PortalRole.ASSESSOR, () -> missedVisits.recordMissed(participant, "baseline",
                MissedVisitRecord.Kind.NOT_DONE, "Declined"));
        verifyEverything(study);
        as(PortalRole.MONITOR, () -> lifecycle.lock(study, "Analysis"));
        try {
            for (PortalRole reader : List.of(PortalRole.MONITOR, PortalRole.ASSESSOR)) {
                String released = as(reader, () -> exportOf(study));
                assertThat(released.lines().findFirst().orElseThrow()).as(reader.name()).contains(",arm,");
                assertThat(released.lines().skip(1).findFirst().orElseThrow()).as(reader.name()).contains(","
                        + arm + ",");
            }
            assertThat(as(PortalRole.ASSESSOR, () -> allocations.released(study))).isTrue();
        } finally {
            as(PortalRole.TENANT_ADMIN, () -> lifecycle.unlock(study, "Back to blinded"));
        }
        assertThat(as(PortalRole.MONITOR, () -> exportOf(study)).lines().findFirst().orElseThrow())
                .doesNotContain("arm");
        assertThat(as(PortalRole.ASSESSOR, () -> allocations.released(study))).isFalse();
    }

    private String exportOf(String study) {
        var out = new StringWriter();
        exports.csv(study, out);
        return out.toString();
    }

    @Test
    void everyStaffRoleReadsTheStageAndNoOneElseMovesIt() {
        String study = trial.studyId();
        for (PortalRole role : List.of(PortalRole.TENANT_ADMIN, PortalRole.CLINICIAN, PortalRole.ASSESSOR,
                PortalRole.THERAPIST, PortalRole.COORDINATOR, PortalRole.MONITOR)) {
            assertThat(as(role, () -> lifecycle.life(study)).stage()).as(role.name()).isEqualTo(
                    StudyStage.RECRUITING);
        }
        assertThatThrownBy(() -> as(PortalRole.PARTICIPANT, () -> lifecycle.life(study))).isInstanceOf(
                AccessDeniedException.class);
        for (PortalRole role : List.of(PortalRole.CLINICIAN, PortalRole.ASSESSOR, PortalRole.THERAPIST,
                PortalRole.COORDINATOR)) {
            assertThatThrownBy(() -> as(role, () -> lifecycle.blockers(study))).as(role.name()).isInstanceOf(
                    AccessDeniedException.class);
            assertThatThrownBy(() -> as(role, () -> lifecycle.lock(study, "No"))).as(role.name()).isInstanceOf(
                    AccessDeniedException.class);
        }
    }

    @Test
    void ofTwoMovesFromTheSameStageOnlyOneIsMade() {
        String study = trial.studyId();
        Instant now = Instant.now();
        as(PortalRole.MONITOR, () -> {
            // The first move of a study never moved creates its record: a second creation meets the unique index.
            assertThat(lives.moveFrom(study, StudyStage.RECRUITING, StudyStage.LOCKED, now, "A", "First")).isTrue();
            assertThat(lives.moveFrom(study, StudyStage.RECRUITING, StudyStage.LOCKED, now, "B", "Second")).isFalse();
            assertThat(lives.moveFrom(study, StudyStage.LOCKED, StudyStage.FOLLOW_UP, now, "A", "Back")).isTrue();
            assertThat(lives.moveFrom(study, StudyStage.LOCKED, StudyStage.RECRUITING, now, "B", "Back")).isFalse();
            assertThat(lives.stage(study)).isEqualTo(StudyStage.FOLLOW_UP);
            return null;
        });
    }

    @Test
    void aLockedStudysCallsAreNeitherPlannedNorRemindedOfUntilItIsUnlocked() {
        String study = trial.studyId();
        trial.planCalls(plans);
        String participant = trial.asClinician(() -> trial.randomised(screening, consent, randomisation,
                TrialFixture.candidate("Called Person", "+8613800138000", "called@example.org")));
        Supplier<Integer> planRound = () -> asSystem(trial.tenantId(), Set.of(PortalRole.COORDINATOR,
                PortalRole.CLINICIAN), () -> planning.planCalls() + reminders.planCallReminders(40));
        as(PortalRole.ASSESSOR, () -> missedVisits.recordMissed(participant, "baseline",
                MissedVisitRecord.Kind.NOT_DONE, "Declined"));
        verifyEverything(study);
        as(PortalRole.MONITOR, () -> lifecycle.lock(study, "Analysis"));
        try {
            assertThat(planRound.get()).as("planned for a locked study").isZero();
            assertThat(as(PortalRole.COORDINATOR, () -> planning.expectedCalls(40))).isEmpty();
        } finally {
            as(PortalRole.TENANT_ADMIN, () -> lifecycle.unlock(study, "Follow-up goes on"));
        }
        assertThat(as(PortalRole.COORDINATOR, () -> planning.expectedCalls(40))).isNotEmpty();
        assertThat(planRound.get()).as("the reminder planned once unlocked").isPositive();
    }
}
