package org.researchportal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.analysis.BlindingReport.ArmBlinding;
import org.researchportal.analysis.BlindingReport.TimepointBlinding;
import org.researchportal.assessments.ArmGuessRecord;
import org.researchportal.assessments.ArmGuesses;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.quality.StudyStages;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * Did blinding hold: the assessor's guess of the arm (validated, hers alone to record, corrected with a reason and
 * audited, refused on a locked study, not found from another tenant) and the indexes computed from the guesses, by
 * arm, for unblinded readers only.
 */
class BlindingIndexesTests extends PortalTest {

    private static final Map<String, String> STIFFNESS = Map.of("stiffness", "3", "morning_minutes", "10");

    @Autowired
    ApplicationContext context;
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
    ParticipantService participants;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ArmGuesses guesses;
    @Autowired
    BlindingIndexes indexes;
    @Autowired
    AuditTrail audit;

    private TrialFixture trial;
    /** Study number to participant id, in the order imported. */
    private final Map<String, String> ids = new LinkedHashMap<>();

    /**
     * Four participants in the exercise arm and three in control, each with week 6 assessed: the guesses made below
     * give exercise 2 correct, 1 incorrect, 1 don't know and control 1 correct, 0 incorrect, 2 don't know.
     */
    @BeforeEach
    void trial() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 24);
        as(PortalRole.TENANT_ADMIN, () -> {
            studies.configureSchedule(trial.studyId(), DemoStudyDesigns.reMsSchedule());
            return null;
        });
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (String number : List.of("EX-1", "EX-2", "EX-3", "EX-4", "CO-1", "CO-2", "CO-3")) {
            String arm = number.startsWith("EX") ? "EXERCISE" : "CONTROL";
            String id = as(PortalRole.CLINICIAN, () -> participants.importRecord(new ParticipantImport(trial
                    .studyId(), "SCR-" + number, number, "Blinding " + number, ParticipantStatus.ENROLLED, arm,
                    today.minusDays(60), today.minusDays(50), null, null, null, "en", "Asia/Shanghai", null, null,
                    null, null)));
            ids.put(number, id);
            as(PortalRole.ASSESSOR, () -> assessments.record(id, "week_6", "stiffness", today, STIFFNESS, null));
        }
    }

    private void guessAll() {
        Map<String, String> guessed = Map.of("EX-1", "EXERCISE", "EX-2", "EXERCISE", "EX-3", "CONTROL", "EX-4",
                ArmGuessRecord.DONT_KNOW, "CO-1", "CONTROL", "CO-2", ArmGuessRecord.DONT_KNOW, "CO-3",
                ArmGuessRecord.DONT_KNOW);
        guessed.forEach((number, guess) -> as(PortalRole.ASSESSOR, () -> guesses.guess(ids.get(number), "week_6",
                guess, null)));
    }

    /**
     * Exercise: 2 correct, 1 incorrect, 1 don't know (n = 4): BI = (2 - 1)/4 = 0.25; Var = [(0.5 + 0.25) - 0.25^2]/4
     * = 0.171875. Control: 1, 0, 2 (n = 3): BI = 1/3; Var = [1/3 - 1/9]/3 = 2/27. James' table (guess by arm):
     * guessed exercise 2 / 0, guessed control 1 / 1, don't know 1 / 2, as {@link BlindingIndex#james} takes it.
     */
    @Test
    void theIndexesCountEachArmsGuessesPerFollowUpTimepoint() {
        guessAll();
        BlindingReport report = as(PortalRole.STATISTICIAN, () -> indexes.report(trial.studyId()));
        assertThat(report.timepoints()).extracting(TimepointBlinding::timepoint).containsExactly("week_6",
                "week_12");
        TimepointBlinding week6 = report.timepoints().getFirst();
        ArmBlinding exercise = week6.arms().get(0);
        ArmBlinding control = week6.arms().get(1);
        assertThat(List.of(exercise.armCode(), exercise.correct(), exercise.incorrect(), exercise.dontKnow()))
                .containsExactly("EXERCISE", 2, 1, 1);
        assertThat(List.of(control.armCode(), control.correct(), control.incorrect(), control.dontKnow()))
                .containsExactly("CONTROL", 1, 0, 2);
        assertThat(exercise.bang().value()).isCloseTo(0.25, within(1e-9));
        assertThat(exercise.bang().standardError()).isCloseTo(Math.sqrt(0.171875), within(1e-9));
        assertThat(control.bang().value()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(control.bang().standardError()).isCloseTo(Math.sqrt(2.0 / 27), within(1e-9));
        assertThat(exercise.reading()).isEqualTo(BlindingReport.BangReading.RANDOM);
        assertThat(week6.james()).isEqualTo(BlindingIndex.james(new int[][] {{2, 0}, {1, 1}, {1, 2}})
                .orElseThrow());
        assertThat(week6.jamesReading()).isEqualTo(BlindingReport.JamesReading.NOT_SHOWN_UNBLINDED);
        TimepointBlinding week12 = report.timepoints().get(1);
        assertThat(week12.guesses()).isZero();
        assertThat(week12.arms()).allSatisfy(a -> assertThat(a.bang()).isNull());
        assertThat(week12.jamesReading()).isEqualTo(BlindingReport.JamesReading.NOT_COMPUTABLE);
        // One source per guess, saying whether it counted correct.
        assertThat(report.sources()).hasSize(7);
        assertThat(report.sources()).filteredOn(s -> s.participant().equals("EX-3")).singleElement()
                .satisfies(s -> {
                    assertThat(s.arm()).isEqualTo("EXERCISE");
                    assertThat(s.value()).isEqualTo("CONTROL (incorrect)");
                    assertThat(s.record()).startsWith("Guess of the arm, Week 6");
                });
        assertThat(report.sources()).filteredOn(s -> s.value().endsWith("(correct)")).hasSize(3);
        assertThat(report.sources()).filteredOn(s -> s.value().endsWith("(don't know)")).hasSize(3);
        // The unblinded clinician reads the same.
        assertThat(as(PortalRole.CLINICIAN, () -> indexes.report(trial.studyId()))).isEqualTo(report);
    }

    @Test
    void noGuessesYetGiveNoIndexes() {
        BlindingReport report = as(PortalRole.STATISTICIAN, () -> indexes.report(trial.studyId()));
        assertThat(report.timepoints()).allSatisfy(t -> {
            assertThat(t.guesses()).isZero();
            assertThat(t.james()).isNull();
        });
        assertThat(report.sources()).isEmpty();
    }

    @Test
    void aGuessIsValidatedAndRefusedWithNothingWritten() {
        String ex1 = ids.get("EX-1");
        assertRefused(() -> guesses.guess(ex1, "week_6", "PLACEBO", null), "guess", "blinding.guess.invalid");
        assertRefused(() -> guesses.guess(ex1, "baseline", "EXERCISE", null), "guess", "blinding.guess.baseline");
        assertRefused(() -> guesses.guess(ex1, "week_12", "EXERCISE", null), "guess",
                "blinding.guess.before-assessment");
        assertThatThrownBy(() -> as(PortalRole.ASSESSOR, () -> guesses.guess(ex1, "week_99", "EXERCISE", null)))
                .isInstanceOf(NotFoundException.class);
        String candidate = trial.eligibleConsentedCandidate(screening, consent, "Blinding Candidate");
        // Not randomised: not a participant an assessor knows.
        assertThatThrownBy(() -> as(PortalRole.ASSESSOR, () -> guesses.guess(candidate, "week_6", "EXERCISE",
                null))).isInstanceOf(NotFoundException.class);
        assertThat(as(PortalRole.ASSESSOR, () -> guesses.guessOf(ex1, "week_6"))).isEmpty();
        assertThat(as(PortalRole.STATISTICIAN, () -> guesses.guessesOf(trial.studyId()))).isEmpty();
    }

    @Test
    void aGuessIsCorrectedOnlyWithAReasonAndTheTrailSaysSo() {
        String ex3 = ids.get("EX-3");
        ArmGuessRecord first = as(PortalRole.ASSESSOR, () -> guesses.guess(ex3, "week_6", "CONTROL", null));
        assertThat(first.guess()).isEqualTo("CONTROL");
        assertRefused(() -> guesses.guess(ex3, "week_6", ArmGuessRecord.DONT_KNOW, " "), "reason",
                "change.reason.required");
        ArmGuessRecord corrected = as(PortalRole.ASSESSOR, () -> guesses.guess(ex3, "week_6",
                ArmGuessRecord.DONT_KNOW, "Ticked the wrong box"));
        assertThat(corrected.guess()).isEqualTo(ArmGuessRecord.DONT_KNOW);
        assertThat(as(PortalRole.MONITOR, () -> guesses.guessOf(ex3, "week_6"))).contains(corrected);
        List<AuditEvent> trail = as(PortalRole.CLINICIAN, () -> audit.history("ArmGuess", first.id()));
        assertThat(trail).extracting(AuditEvent::getAction).containsExactly("blinding.guess-corrected",
                "blinding.guess-recorded");
        assertThat(trail.getFirst().getReason()).isEqualTo("Ticked the wrong box");
        assertThat(String.valueOf(trail.getFirst().getBefore())).contains("guess=CONTROL");
        assertThat(String.valueOf(trail.getFirst().getAfter())).contains("guess=DONT_KNOW");
        // In the participant's own trail, as every change of her data is.
        assertThat(as(PortalRole.CLINICIAN, () -> audit.participantHistory(ex3))).extracting(AuditEvent::getAction)
                .contains("blinding.guess-corrected", "blinding.guess-recorded");
    }

    @Test
    void onlyTheAssessorGuessesAndOnlyUnblindedRolesReadTheIndexes() {
        String ex1 = ids.get("EX-1");
        for (PortalRole role : EnumSet.of(PortalRole.CLINICIAN, PortalRole.STATISTICIAN, PortalRole.MONITOR,
                PortalRole.TENANT_ADMIN, PortalRole.THERAPIST, PortalRole.COORDINATOR)) {
            assertThatThrownBy(() -> as(role, () -> guesses.guess(ex1, "week_6", "EXERCISE", null))).as(role
                    .name()).isInstanceOf(AccessDeniedException.class);
        }
        for (PortalRole role : EnumSet.of(PortalRole.ASSESSOR, PortalRole.MONITOR, PortalRole.TENANT_ADMIN,
                PortalRole.THERAPIST, PortalRole.COORDINATOR, PortalRole.PARTICIPANT)) {
            assertThatThrownBy(() -> as(role, () -> indexes.report(trial.studyId()))).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(role, () -> guesses.guessesOf(trial.studyId()))).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void anotherTenantFindsNeitherTheParticipantNorTheStudy() {
        String ex1 = ids.get("EX-1");
        signIn("fudan.assessor");
        assertThatThrownBy(() -> guesses.guess(ex1, "week_6", "EXERCISE", null))
                .isInstanceOf(NotFoundException.class);
        assertThat(guesses.guessOf(ex1, "week_6")).isEmpty();
        signIn("fudan.statistician");
        assertThatThrownBy(() -> indexes.report(trial.studyId())).isInstanceOf(NotFoundException.class);
        assertThat(as(PortalRole.ASSESSOR, () -> guesses.guessOf(ex1, "week_6"))).isEmpty();
    }

    @Test
    void aLockedStudyRefusesAGuessAndItsCorrection() {
        String ex1 = ids.get("EX-1");
        as(PortalRole.ASSESSOR, () -> guesses.guess(ex1, "week_6", "EXERCISE", null));
        as(PortalRole.MONITOR, () -> {
            StudyStages.lock(context, trial.studyId());
            return null;
        });
        assertRefused(() -> guesses.guess(ex1, "week_6", "CONTROL", "Changed my mind"), ClinicalRecordLocks.FIELD,
                "study.locked");
        assertRefused(() -> guesses.guess(ids.get("EX-2"), "week_6", "CONTROL", null), ClinicalRecordLocks.FIELD,
                "study.locked");
        assertThat(as(PortalRole.ASSESSOR, () -> guesses.guessOf(ex1, "week_6"))).get()
                .extracting(ArmGuessRecord::guess).isEqualTo("EXERCISE");
        // The indexes are read after lock as before.
        assertThat(as(PortalRole.STATISTICIAN, () -> indexes.report(trial.studyId())).sources()).hasSize(1);
    }

    private void assertRefused(Supplier<?> work, String field, String key) {
        assertThatThrownBy(() -> as(PortalRole.ASSESSOR, work)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldMessageKeys()).containsEntry(field, key));
    }

    private <T> T as(PortalRole role, Supplier<T> work) {
        return asSystem(trial.tenantId(), Set.of(role), work);
    }
}
