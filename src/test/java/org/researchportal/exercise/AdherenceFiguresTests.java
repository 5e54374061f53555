package org.researchportal.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.analysis.AdherenceReport;
import org.researchportal.analysis.AdherenceSummary;
import org.researchportal.analysis.ArmAdherence;
import org.researchportal.analysis.FigureSource;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoManual;
import org.researchportal.participants.ParticipationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Compliance, adherence and fidelity worked by hand from a programme of the 15 demo exercises on every day of the
 * last week (7 programme days, 105 exercises prescribed), with the default rule (a session from 50% of the day's
 * exercises, adherent from 75% of the dose):
 *
 * <pre>
 * day    logged                       session (>= 8 of 15)
 * d0     10 + the other 5 (two logs)  done
 * d1     8 (a partial day)            done (8/15 = 53%)
 * d2     7 (a partial day)            not done (7/15 = 47%)
 * d3     nothing (a missed day)       not done
 * d4     15                           done
 * d5     nothing                      not done
 * d6     12                           done
 * </pre>
 *
 * Compliance 4/7 = 0.5714; adherence (15+8+7+0+15+0+12)/105 = 57/105 = 0.5429: not adherent at 75%.
 */
class AdherenceFiguresTests extends ExerciseTrialTest {

    @Autowired
    AdherenceFigures figures;
    @Autowired
    AdherenceRules rules;
    @Autowired
    AdherenceReport report;
    @Autowired
    MediaLibrary media;
    @Autowired
    VideoWatching watching;
    @Autowired
    ParticipationService participation;

    private List<String> codes;

    private void programmeAndLogs() {
        codes = DemoManual.exercises().stream().map(ManualExercise::code).toList();
        assertThat(codes).hasSize(15);
        asTherapist(() -> prescriptions.prescribe(exerciser, "re_ms_standard", today.minusDays(6),
                EnumSet.allOf(DayOfWeek.class), "Standard programme"));
        signIn(exerciserAccount);
        log(0, codes.subList(0, 10), 20);
        log(0, codes.subList(10, 15), 10);
        log(1, codes.subList(0, 8), 15);
        log(2, codes.subList(0, 7), 15);
        log(4, codes, 30);
        log(6, codes.subList(0, 12), 25);
    }

    private void log(int day, List<String> exercises, int minutes) {
        sessionLogging.logSession(new SessionEntry(today.minusDays(6).plusDays(day), exercises, minutes, 3, 2, 2,
                null, false));
    }

    @Test
    void complianceAdherenceAndTheRuleAreWorkedFromEachPrescribedDay() {
        programmeAndLogs();
        ParticipantAdherence p = asTherapist(() -> figures.ofParticipant(exerciser));
        assertThat(p.until()).isEqualTo(today);
        assertThat(p.prescribedDays()).isEqualTo(7);
        assertThat(p.days()).extracting(AdherenceDay::sessionDone).containsExactly(true, true, false, false, true,
                false, true);
        assertThat(p.days().getFirst().sessionsLogged()).as("both logs of the first day count once").isEqualTo(2);
        assertThat(p.days().getFirst().minutes()).isEqualTo(30);
        assertThat(p.sessionsDone()).isEqualTo(4);
        assertThat(p.compliance()).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(p.exercisesPrescribed()).isEqualTo(105);
        assertThat(p.exercisesDone()).isEqualTo(57);
        assertThat(p.adherence()).isCloseTo(57.0 / 105, within(1e-9));
        assertThat(p.adherent()).as("57/105 = 54% is below 75%").isFalse();

        // The team's rule: a session from 60% (9 of 15), adherent from 50%.
        asTherapist(() -> rules.setRule(study, 60, 50, "Protocol amendment 2"));
        ParticipantAdherence byNewRule = asSystem(tenant, Set.of(PortalRole.STATISTICIAN),
                () -> figures.ofStudy(study)).getFirst();
        assertThat(byNewRule.sessionsDone()).as("8 of 15 is no longer a session").isEqualTo(3);
        assertThat(byNewRule.compliance()).isCloseTo(3.0 / 7, within(1e-9));
        assertThat(byNewRule.adherent()).as("54% reaches 50%").isTrue();
    }

    @Test
    void aChangeOfPrescriptionCountsFromTheDayItWasMade() {
        programmeAndLogs();
        String first = codes.getFirst();
        asTherapist(() -> prescriptions.adjust(exerciser, first, new Dosage(3, 12, null, null), 2, "Progressing"));
        ParticipantAdherence p = asTherapist(() -> figures.ofParticipant(exerciser));
        assertThat(p.days().get(5).prescription()).as("the day before the change: the manual's dosage, level 1")
                .startsWith(first + " " + AdherenceFigures.dosage(DemoManual.exercises().getFirst().dosage())
                        + " L1;");
        assertThat(p.days().get(6).prescription()).as("today, the day of the change").startsWith(first
                + " 3x12 L2;");
        assertThat(p.exercisesDone()).as("the same exercises are prescribed, so the same dose").isEqualTo(57);
    }

    @Test
    void aParticipantWhoLeftCountsUpToTheDaySheLeft() {
        codes = DemoManual.exercises().stream().map(ManualExercise::code).toList();
        String leaverAccount = tenant + ".left";
        String leaverId = account(leaverAccount);
        String leaver = asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                enrolled("EX-2", "EXERCISE", leaverId)));
        asTherapist(() -> prescriptions.prescribe(leaver, "re_ms_standard", today.minusDays(6),
                EnumSet.allOf(DayOfWeek.class), "Standard programme"));
        signIn(leaverAccount);
        sessionLogging.logSession(new SessionEntry(today.minusDays(6), codes, 30, 3, 2, 2, null, false));
        asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> {
            participation.withdraw(leaver, today.minusDays(5), "Moved away");
            return null;
        });
        ParticipantAdherence p = asSystem(tenant, Set.of(PortalRole.STATISTICIAN), () -> figures.ofStudy(study))
                .stream().filter(f -> f.participantId().equals(leaver)).findFirst().orElseThrow();
        assertThat(p.until()).isEqualTo(today.minusDays(5));
        assertThat(p.prescribedDays()).isEqualTo(2);
        assertThat(p.compliance()).isCloseTo(0.5, within(1e-9));
        assertThat(p.adherence()).isCloseTo(15.0 / 30, within(1e-9));
    }

    @Test
    void fidelityCountsTheManualTheVideosSeenThroughAndTheCheckIns() {
        programmeAndLogs();
        String first = codes.getFirst();
        VideoRef video = asTherapist(() -> media.link(study, first, "https://videos.example.org/first"));
        asTherapist(() -> media.link(study, codes.get(1), "https://videos.example.org/second"));
        signIn(exerciserAccount);
        ownProgramme.noteManualOpened();
        ownProgramme.noteManualOpened();
        watching.recordWatch(video.id(), VideoWatching.WatchEvent.COMPLETED, 60, 60);
        sessionLogging.checkIn(3, 2, true, null);
        ParticipantAdherence p = asTherapist(() -> figures.ofParticipant(exerciser));
        assertThat(p.manualFirstOpened()).isEqualTo(today);
        assertThat(p.manualOpens()).isEqualTo(2);
        assertThat(p.videosPrescribed()).containsExactly(first, codes.get(1));
        assertThat(p.videosSeen()).containsExactly(first);
        int weeks = (int) (ProgrammeRecords.weekStart(today).toEpochDay() - ProgrammeRecords.weekStart(today
                .minusDays(6)).toEpochDay()) / 7 + 1;
        assertThat(p.checkInWeeks()).hasSize(weeks);
        assertThat(p.checkInsAnswered()).containsExactly(ProgrammeRecords.weekStart(today));
    }

    @Test
    void theReportByArmSummarisesTheExerciseArmAndSaysTheControlArmHasNoProgramme() {
        programmeAndLogs();
        AdherenceSummary summary = asSystem(tenant, Set.of(PortalRole.STATISTICIAN), () -> report.report(study));
        assertThat(summary.arms()).extracting(ArmAdherence::armCode).containsExactly("EXERCISE", "CONTROL");
        ArmAdherence exercise = summary.arms().getFirst();
        assertThat(exercise.randomised()).isEqualTo(1);
        assertThat(exercise.withProgramme()).isEqualTo(1);
        assertThat(exercise.compliance().n()).isEqualTo(1);
        assertThat(exercise.compliance().mean()).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(exercise.compliance().median()).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(exercise.compliance().sd()).as("no SD of one value").isNull();
        assertThat(exercise.adherence().mean()).isCloseTo(57.0 / 105, within(1e-9));
        assertThat(exercise.adherent()).isZero();
        ArmAdherence control = summary.arms().get(1);
        assertThat(control.randomised()).isEqualTo(1);
        assertThat(control.programmePrescribed()).isFalse();
        assertThat(summary.participants()).extracting(r -> r.figures().label()).containsExactly("EX-1");

        List<FigureSource> sources = summary.sources((key, params) -> key + List.of(params));
        assertThat(sources.stream().filter(s -> s.figure().equals("adherence.source.dose[]"))).as(
                "one row per prescribed day").hasSize(7).allSatisfy(s -> {
                    assertThat(s.participant()).isEqualTo("EX-1");
                    assertThat(s.arm()).isEqualTo("EXERCISE");
                });
        assertThat(sources.get(2).value()).startsWith("adherence.source.day-value[7, 15, 15, 1,");
    }

    @Test
    void theRuleIsValidatedAuditedAndKeptToThoseWhoKeepTheManual() {
        assertThat(asTherapist(() -> rules.rule(study))).isEqualTo(AdherenceRule.DEFAULT);
        assertThatThrownBy(() -> asTherapist(() -> rules.setRule(study, 0, 101, " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsOnly(
                        Map.entry("sessionPercent", "adherence.rule.percent.invalid"),
                        Map.entry("adherentPercent", "adherence.rule.percent.invalid"),
                        Map.entry("reason", "change.reason.required")));
        assertThat(asTherapist(() -> rules.rule(study))).as("nothing written").isEqualTo(AdherenceRule.DEFAULT);
        for (PortalRole role : List.of(PortalRole.CLINICIAN, PortalRole.STATISTICIAN, PortalRole.ASSESSOR,
                PortalRole.MONITOR, PortalRole.PARTICIPANT)) {
            assertThatThrownBy(() -> asSystem(tenant, Set.of(role), () -> rules.setRule(study, 60, 80, "Mine")))
                    .as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        asTherapist(() -> rules.setRule(study, 60, 80, "Protocol amendment 2"));
        assertThat(asSystem(tenant, Set.of(PortalRole.STATISTICIAN), () -> rules.rule(study)))
                .isEqualTo(new AdherenceRule(60, 80));
        assertThat(history("AdherenceRule", study)).containsExactly("adherence-rule.set");
    }

    @Test
    void blindedRolesAndOtherTenantsGetNothing() {
        programmeAndLogs();
        for (PortalRole role : List.of(PortalRole.ASSESSOR, PortalRole.MONITOR, PortalRole.COORDINATOR)) {
            assertThatThrownBy(() -> asSystem(tenant, Set.of(role), () -> figures.ofStudy(study))).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> asSystem(tenant, Set.of(role), () -> report.report(study))).as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> asSystem(tenant, Set.of(PortalRole.THERAPIST), () -> report.report(study)))
                .isInstanceOf(AccessDeniedException.class);
        String other = "x" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(other, "Other " + other,
                "Asia/Shanghai"));
        assertThatThrownBy(() -> asSystem(other, Set.of(PortalRole.THERAPIST), () -> figures.ofParticipant(
                exerciser))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asSystem(other, Set.of(PortalRole.STATISTICIAN), () -> report.report(study)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asSystem(other, Set.of(PortalRole.STATISTICIAN), () -> figures.ofStudy(study)))
                .isInstanceOf(NotFoundException.class);
    }
}
