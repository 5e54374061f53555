package org.researchportal.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.demo.DemoManual;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The programme belongs to the exercise arm: its participants get the manual, today's plan and a session log; the
 * control arm is answered "not found", and only a therapist prescribes or adjusts. Each test has its own tenant.
 */
class ExerciseServiceTests extends ExerciseTrialTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    TenantDocuments documents;

    @Test
    void theExerciseArmGetsTodaysPlanFromItsManual() {
        prescribeStandard();
        signIn(exerciserAccount);
        assertThat(ownProgramme.followsProgramme()).isTrue();
        TodayPlan plan = ownProgramme.myToday();
        assertThat(plan.date()).isEqualTo(today);
        assertThat(plan.programmeDay()).isEqualTo(MON_WED_FRI.contains(today.getDayOfWeek()));
        assertThat(plan.exercises()).hasSize(DemoManual.exercises().size());
        assertThat(plan.alreadyLogged()).isFalse();
        assertThat(ownProgramme.myManual().getExercises()).hasSize(DemoManual.exercises().size());
    }

    @Test
    void theControlArmHasNoProgrammeButReadsTheStandardGuidance() {
        signIn(controlAccount);
        assertThat(ownProgramme.followsProgramme()).isFalse();
        assertThatThrownBy(ownProgramme::myToday).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(ownProgramme::myManual).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(ownProgramme::myHistory).isInstanceOf(NotFoundException.class);
        assertThat(manuals.guidance(study)).extracting(GuidancePage::code)
                .containsExactlyElementsOf(DemoManual.guidance().stream().map(GuidancePage::code).toList());
    }

    @Test
    void aControlArmParticipantCannotBePrescribedAProgramme() {
        String controlId = asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> participants
                .participants(study, Pageable.unpaged()).stream()
                .filter(r -> "Control".equals(r.armName())).findFirst().orElseThrow().id());
        assertThatThrownBy(() -> asTherapist(() -> prescriptions.prescribe(controlId, "re_ms_standard", today,
                MON_WED_FRI, "Standard programme"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyATherapistPrescribesAndAParticipantCannotReadAnothersProgramme() {
        assertThatThrownBy(() -> asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> prescriptions.prescribe(exerciser,
                "re_ms_standard", today, MON_WED_FRI, "x"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asSystem(tenant, Set.of(PortalRole.COORDINATOR), () -> prescriptions
                .programmeOf(exerciser))).isInstanceOf(AccessDeniedException.class);
        signIn(controlAccount);
        assertThatThrownBy(() -> prescriptions.programmeOf(exerciser)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anotherTenantsTherapistFindsNoSuchParticipant() {
        prescribeStandard();
        assertThatThrownBy(() -> asSystem("lakeside", Set.of(PortalRole.THERAPIST),
                () -> prescriptions.programmeOf(exerciser))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aPrescriptionIsCheckedAndMadeOnce() {
        assertThatThrownBy(() -> asTherapist(() -> prescriptions.prescribe(exerciser, "no_such", today, MON_WED_FRI,
                "x"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsEntry("template", "programme.template.invalid"));
        assertThatThrownBy(() -> asTherapist(() -> prescriptions.prescribe(exerciser, "re_ms_standard",
                today.minusDays(30), Set.of(), " "))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsOnlyKeys("startDate", "weekdays", "reason"));
        Programme programme = prescribeStandard();
        assertThat(history(Prescriptions.ENTITY, programme.requireId())).containsExactly("programme.prescribed");
        assertThatThrownBy(this::prescribeStandard).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldMessageKeys()).containsEntry("template", "programme.exists"));
    }

    @Test
    void anAdjustmentIsKeptWithItsReasonAndAStaleOneIsRefused() {
        Programme programme = prescribeStandard();
        String first = programme.getItems().getFirst().exercise();
        Programme adjusted = asTherapist(() -> prescriptions.adjust(exerciser, first, new Dosage(3, 12, null, null), 2,
                "Tolerating well"));
        assertThat(adjusted.getItems().getFirst().level()).isEqualTo(2);
        assertThat(adjusted.getItems().getFirst().dosage().sets()).isEqualTo(3);
        assertThat(adjusted.getChanges()).extracting(ProgrammeChange::reason)
                .containsExactly("Standard programme", "Tolerating well");
        assertThatThrownBy(() -> asTherapist(() -> prescriptions.adjust(exerciser, first, new Dosage(99, 12, null,
                null),
                2, "Too much"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> asTherapist(() -> prescriptions.adjust(exerciser, "not_in_programme",
                new Dosage(1, 1, null, null), 1, "x"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aNewManualEditionLeavesAnExistingProgrammeOnItsOwn() {
        prescribeStandard();
        var fewer = DemoManual.exercises().subList(0, 3);
        int edition = asTherapist(() -> manuals.publishManual(study, fewer, DemoManual.guidance(),
                List.of(new ProgrammeTemplate("short", DemoManual.standardProgramme().name(),
                        fewer.stream().map(ManualExercise::code).toList(), 2)), true));
        assertThat(edition).isEqualTo(2);
        signIn(exerciserAccount);
        assertThat(ownProgramme.myManual().getEdition()).isEqualTo(1);
        assertThat(ownProgramme.myToday().exercises()).hasSize(DemoManual.exercises().size());
    }

    @Test
    void aSessionIsLoggedWhenValidAndRefusedFieldByFieldWhenNot() {
        Programme programme = prescribeStandard();
        String first = programme.getItems().getFirst().exercise();
        signIn(exerciserAccount);
        assertThatThrownBy(() -> sessionLogging.logSession(new SessionEntry(today.plusDays(1), List.of("unknown"), 0,
                11,
                -1, 3, "x".repeat(SessionLog.NOTE_MAX_LENGTH + 1), false))).isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldMessageKeys()).containsOnlyKeys("date", "exercises", "minutes",
                                "exertion", "painBefore", "note"));
        assertThat(ownProgramme.myHistory()).isEmpty();

        SessionRecord logged = sessionLogging.logSession(new SessionEntry(today, List.of(first), 35, 4, 2, 3, " fine ",
                false));
        assertThat(logged.note()).isEqualTo("fine");
        assertThat(ownProgramme.myHistory()).extracting(SessionRecord::id).containsExactly(logged.id());
        assertThat(ownProgramme.myToday().alreadyLogged()).isTrue();
        assertThat(history("SessionLog", logged.id()))
                .containsExactly("session.logged");
    }

    @Test
    void aWeekRunsFromMondayToSunday() {
        assertThat(ProgrammeRecords.weekStart(LocalDate.of(2026, 11, 22))).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(ProgrammeRecords.weekStart(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(ProgrammeRecords.weekStart(LocalDate.of(2027, 1, 1))).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void theWeeklyCheckInIsAnsweredOnceAWeekAndReachesTheTherapist() {
        prescribeStandard();
        signIn(exerciserAccount);
        assertThat(sessionLogging.myCheckInDue()).isTrue();
        assertThatThrownBy(() -> sessionLogging.checkIn(11, -1, true, null)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsOnlyKeys("jointPain",
                        "stiffness"));
        CheckInRecord answered = sessionLogging.checkIn(4, 3, false, "Stopped the tablets on Tuesday");
        assertThat(answered.weekStart()).isEqualTo(ProgrammeRecords.weekStart(today));
        assertThat(sessionLogging.myCheckInDue()).isFalse();
        assertThatThrownBy(() -> sessionLogging.checkIn(4, 3, true, null)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsEntry("jointPain",
                        "check-in.exists"));
        assertThat(history("WeeklyCheckIn", answered.id())).containsExactly("check-in.answered");
        var overview = asTherapist(() -> progressFigures.overview(exerciser));
        assertThat(overview.checkIns()).singleElement().satisfies(c -> {
            assertThat(c.takingAromataseInhibitor()).isFalse();
            assertThat(c.jointPain()).isEqualTo(4);
        });
    }

    @Test
    void theControlArmHasNoCheckIn() {
        signIn(controlAccount);
        assertThatThrownBy(sessionLogging::myCheckInDue).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sessionLogging.checkIn(1, 1, true, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSafetyStopAndARiseInPainRaiseAlertsThatStayUntilHandledWithANote() {
        Programme programme = prescribeStandard();
        String first = programme.getItems().getFirst().exercise();
        signIn(exerciserAccount);
        for (int pain : new int[] {2, 2, 2}) {
            sessionLogging.logSession(new SessionEntry(today, List.of(first), 30, 3, pain, pain, null, false));
        }
        sessionLogging.logSession(new SessionEntry(today, List.of(first), 10, 6, 3, 5, "Knee hurt", true));
        var alerts = asTherapist(() -> programmeAlerts.alerts(exerciser));
        assertThat(alerts).extracting(AlertRecord::kind).containsExactlyInAnyOrder(ProgrammeAlert.Kind.SAFETY_STOP,
                ProgrammeAlert.Kind.PAIN_RISE);
        String stop = alerts.stream().filter(a -> a.kind() == ProgrammeAlert.Kind.SAFETY_STOP).findFirst()
                .orElseThrow().id();

        assertThatThrownBy(() -> asTherapist(() -> programmeAlerts.handleAlert(stop, " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("note", "alert.note.required"));
        assertThatThrownBy(() -> asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> programmeAlerts.handleAlert(stop,
                "x"))).isInstanceOf(AccessDeniedException.class);
        AlertRecord handled = asTherapist(() -> programmeAlerts.handleAlert(stop, "Called her; rest two days"));
        assertThat(handled.open()).isFalse();
        assertThat(handled.handledNote()).isEqualTo("Called her; rest two days");
        assertThatThrownBy(() -> asTherapist(() -> programmeAlerts.handleAlert(stop, "again")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("note", "alert.already-handled"));
        assertThat(asTherapist(() -> programmeAlerts.alerts(exerciser))).hasSize(2);
        ProgrammeFigures figures = asTherapist(() -> progressFigures.figures(exerciser));
        assertThat(figures.sessionDaysLast7()).isEqualTo(1);
        assertThat(figures.lastSession()).isEqualTo(today);
        assertThat(figures.lastPain()).isEqualTo(5);
        assertThat(figures.openAlerts()).isEqualTo(1);
        assertThat(history("ProgrammeAlert", stop)).containsExactly("alert.handled", "alert.raised");
        assertThatThrownBy(() -> asSystem("lakeside", Set.of(PortalRole.THERAPIST),
                () -> programmeAlerts.handleAlert(stop, "not mine"))).isInstanceOf(NotFoundException.class);
    }

    /** Pain from 3 to 6 in a first session: the therapist is alerted, the participant told what the manual says. */
    @Test
    void aPainRiseInASessionAlertsTheTherapistAndTellsTheParticipantWhatTheManualSays() {
        Programme programme = prescribeStandard();
        String first = programme.getItems().getFirst().exercise();
        signIn(exerciserAccount);
        assertThat(sessionLogging.mySafetyAdvice()).as("no session yet").isEmpty();
        sessionLogging.logSession(new SessionEntry(today, List.of(first), 30, 5, 3, 6, null, false));

        assertThat(asTherapist(() -> programmeAlerts.alerts(exerciser))).extracting(AlertRecord::kind)
                .containsExactly(ProgrammeAlert.Kind.PAIN_RISE);
        signIn(exerciserAccount);
        SafetyAdvice advice = sessionLogging.mySafetyAdvice().orElseThrow();
        assertThat(advice.painRise()).isTrue();
        assertThat(advice.safetyStop()).isFalse();
        assertThat(advice.painBefore()).isEqualTo(3);
        assertThat(advice.painAfter()).isEqualTo(6);
        ManualExercise done = DemoManual.exercises().stream().filter(e -> e.code().equals(first)).findFirst()
                .orElseThrow();
        assertThat(advice.stopRules()).containsExactly(done.stopRule());
        assertThat(advice.stopRules().getFirst().in(java.util.Locale.ENGLISH))
                .contains("joint pain rises by 2 or more points");
        assertThat(advice.stopRules().getFirst().in(java.util.Locale.SIMPLIFIED_CHINESE)).contains("请停止");

        // The next session without trouble ends the advice; the therapist's alert stays until handled.
        sessionLogging.logSession(new SessionEntry(today, List.of(first), 30, 3, 3, 3, null, false));
        assertThat(sessionLogging.mySafetyAdvice()).isEmpty();
        assertThat(asTherapist(() -> programmeAlerts.alerts(exerciser))).hasSize(1);
    }

    @Test
    void aQuietWeekRaisesOneAlertUntilTheNextSession() {
        Programme programme = asTherapist(() -> prescriptions.prescribe(exerciser, "re_ms_standard", today.minusDays(7),
                MON_WED_FRI, "Started last week"));
        assertThat(asTherapist(programmeAlerts::raiseInactivityAlerts)).isEqualTo(1);
        assertThat(asTherapist(programmeAlerts::raiseInactivityAlerts)).isZero();
        assertThat(asTherapist(() -> programmeAlerts.alerts(exerciser))).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(ProgrammeAlert.Kind.NO_SESSIONS);
            assertThat(a.sessionDate()).isEqualTo(today.minusDays(7));
        });
        signIn(exerciserAccount);
        sessionLogging.logSession(new SessionEntry(today, List.of(programme.getItems().getFirst().exercise()), 20, 3, 2,
                2,
                null, false));
        assertThat(asTherapist(programmeAlerts::raiseInactivityAlerts)).isZero();
        assertThat(asTherapist(() -> programmeAlerts.alerts(exerciser))).hasSize(1);
    }

    @Test
    void aLockedStudysQuietWeekRaisesNoAlertAndItsParticipantLogsNoSession() {
        Programme programme = asTherapist(() -> prescriptions.prescribe(exerciser, "re_ms_standard", today.minusDays(7),
                MON_WED_FRI, "Started last week"));
        asTherapist(() -> {
            org.researchportal.quality.StudyStages.lock(context, study);
            return null;
        });
        try {
            assertThat(asTherapist(programmeAlerts::raiseInactivityAlerts)).isZero();
            signIn(exerciserAccount);
            assertThatThrownBy(() -> sessionLogging.logSession(new SessionEntry(today, List.of(programme.getItems()
                    .getFirst().exercise()), 20, 3, 2, 2, null, false))).isInstanceOfSatisfying(
                            ValidationException.class, e -> assertThat(e.fieldMessageKeys()).containsEntry("record",
                                    "study.locked"));
        } finally {
            asTherapist(() -> {
                org.researchportal.quality.StudyStages.reset(context, study);
                return null;
            });
        }
        assertThat(asTherapist(programmeAlerts::raiseInactivityAlerts)).isEqualTo(1);
    }

    @Test
    void aCaseloadPageShowsTheLastSessionOfSomeoneQuietForFourWeeks() {
        String exercise = prescribeStandard().getItems().getFirst().exercise();
        // Logged before a programme that started this week: stored directly, as a participant cannot log them now.
        for (int[] session : new int[][] {{45, 2, 3}, {35, 6, 4}, {40, 1, 1}}) {
            asTherapist(() -> documents.insert(new SessionLog(exerciser, study, today.minusDays(session[0]),
                    List.of(exercise), 20, 3, session[1], session[2], null, false, Instant.now())));
        }

        ProgrammeFigures figures = asTherapist(() -> progressFigures.figures(List.of(exerciser))).get(exerciser);
        assertThat(figures.sessionDaysLast28()).isZero();
        assertThat(figures.lastSession()).isEqualTo(today.minusDays(35));
        assertThat(figures.lastPain()).isEqualTo(6);
        assertThat(figures).isEqualTo(asTherapist(() -> progressFigures.figures(exerciser)));
    }

    @Test
    void aCaseloadPageReadsEveryRowsFiguresAtOnceAndTheyAreEachRowsOwn() {
        String second = asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> participants.importRecord(
                enrolled("EX-2", "EXERCISE", account(tenant + ".ex2"))));
        Programme programme = prescribeStandard();
        asTherapist(() -> prescriptions.prescribe(second, "re_ms_standard", today.minusDays(7), MON_WED_FRI, "Second"));
        signIn(exerciserAccount);
        sessionLogging.logSession(new SessionEntry(today, List.of(programme.getItems().getFirst().exercise()), 30, 3, 2,
                4,
                null, false));
        String controlParticipant = asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> participants
                .participants(study, Pageable.unpaged()).stream()
                .filter(r -> "CT-1".equals(r.studyNumber())).findFirst().orElseThrow().id());

        Map<String, ProgrammeFigures> page = asTherapist(() -> progressFigures.figures(List.of(exerciser, second,
                controlParticipant, "000000000000000000000000")));
        assertThat(page).as("the control arm and an unknown id are left out").containsOnlyKeys(exerciser, second);
        assertThat(page.get(exerciser)).isEqualTo(asTherapist(() -> progressFigures.figures(exerciser)));
        assertThat(page.get(second)).isEqualTo(asTherapist(() -> progressFigures.figures(second)));
        assertThat(page.get(exerciser).lastPain()).isEqualTo(4);
        assertThat(page.get(second).lastSession()).as("the second's own: no session yet").isNull();
        assertThat(asSystem("lakeside", Set.of(PortalRole.THERAPIST), () -> progressFigures.figures(List.of(
                exerciser))))
                .as("another tenant's therapist").isEmpty();
    }

    @Test
    void theDailySweepRaisesTheAlertInEachTenantAsTheSystem() {
        asTherapist(() -> prescriptions.prescribe(exerciser, "re_ms_standard", today.minusDays(7), MON_WED_FRI, "Old"));
        sweep.sweep();
        assertThat(asTherapist(() -> programmeAlerts.alerts(exerciser))).extracting(AlertRecord::kind)
                .containsExactly(ProgrammeAlert.Kind.NO_SESSIONS);
    }

    @Test
    void aProgrammeStartedLessThanAWeekAgoIsNotQuiet() {
        asTherapist(() -> prescriptions.prescribe(exerciser, "re_ms_standard", today.minusDays(6), MON_WED_FRI, "New"));
        assertThat(asTherapist(programmeAlerts::raiseInactivityAlerts)).isZero();
    }

    @Test
    void aManualIsPublishedOnlyForAStudyOfThisTenant() {
        String otherTenantsStudy = asSystem("lakeside", Set.of(PortalRole.TENANT_ADMIN),
                () -> studies.studies().getFirst().id());
        assertThatThrownBy(() -> asTherapist(() -> manuals.publishManual(otherTenantsStudy, DemoManual.exercises(),
                DemoManual.guidance(), List.of(DemoManual.standardProgramme()), true)))
                .isInstanceOf(NotFoundException.class);
    }

    @Autowired
    WeeklySummaries summaries;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    /**
     * Worked example, in the participant's zone (Asia/Shanghai): a daily programme that started a week ago spans last
     * week and this one. Before any log both weeks show as planned but empty; then one session on last week's Sunday
     * (pain after 2) and two today (pain after 5) land in their own weeks, and the pain trend reads "rising".
     */
    @Test
    void weeklySummariesFollowTheLogsAndProgressShowsEveryWeekFromTheStart() {
        LocalDate start = today.minusDays(7);
        asTherapist(() -> prescriptions.prescribe(exerciser, "re_ms_standard", start, EnumSet.allOf(DayOfWeek.class),
                "Daily"));
        LocalDate thisMonday = ProgrammeRecords.weekStart(today);
        ProgrammeProgress empty = asTherapist(() -> progressFigures.progress(exerciser));
        assertThat(empty.weeks()).extracting(WeekFigures::weekStart).containsExactly(thisMonday.minusWeeks(1),
                thisMonday);
        assertThat(empty.weeks()).noneMatch(WeekFigures::hasSessions);
        assertThat(empty.weeks()).extracting(WeekFigures::planned).containsExactly(
                (int) (thisMonday.toEpochDay() - start.toEpochDay()), (int) (today.toEpochDay()
                        - thisMonday.toEpochDay() + 1));
        assertThat(empty.painBaseline()).isNull();

        signIn(exerciserAccount);
        String first = ownProgramme.myToday().exercises().getFirst().exercise().code();
        sessionLogging.logSession(new SessionEntry(thisMonday.minusDays(1), List.of(first), 20, 3, 1, 2, null, false));
        sessionLogging.logSession(new SessionEntry(today, List.of(first), 30, 4, 3, 5, null, false));
        sessionLogging.logSession(new SessionEntry(today, List.of(first), 40, 6, 4, 5, null, false));

        ProgrammeProgress progress = asTherapist(() -> progressFigures.progress(exerciser));
        WeekFigures lastWeek = progress.weeks().get(0);
        WeekFigures thisWeek = progress.weeks().get(1);
        assertThat(lastWeek.sessions()).isEqualTo(1);
        assertThat(lastWeek.painAfter()).isEqualTo(2);
        assertThat(thisWeek.sessions()).isEqualTo(2);
        assertThat(thisWeek.sessionDays()).as("two sessions on one day").isEqualTo(1);
        assertThat(thisWeek.minutes()).isEqualTo(70);
        assertThat(thisWeek.exertion()).isEqualTo(5);
        assertThat(thisWeek.painBefore()).isEqualTo(3.5);
        assertThat(thisWeek.worstPain()).isEqualTo(5);
        assertThat(progress.painBaseline()).as("pain before of the first three sessions").isCloseTo(8 / 3.0,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(asTherapist(() -> progressFigures.figures(exerciser)).painTrend())
                .isEqualTo(ProgrammeFigures.PainTrend.RISING);

        // Recomputing a week again changes nothing: a summary is only replaced by one made from more logs.
        asSystem(tenant, Set.of(PortalRole.THERAPIST), () -> {
            summaries.refresh(exerciser, study, today);
            return null;
        });
        assertThat(asTherapist(() -> progressFigures.progress(exerciser)).weeks().get(1)).isEqualTo(thisWeek);

        // Logs from before summaries existed: the progress page summarises their weeks when it reads them.
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("participantId").is(exerciser)),
                WeeklySummary.class);
        assertThat(asTherapist(() -> progressFigures.progress(exerciser)).weeks()).containsExactly(lastWeek, thisWeek);
    }

    @Test
    void revisingAnExercisePublishesAnEditionAndLeavesPrescribedProgrammesAlone() {
        Programme programme = prescribeStandard();
        ManualExercise before = DemoManual.exercises().getFirst();
        ManualExercise revised = new ManualExercise(before.code(), before.phase(), before.region(),
                new Text("March in place, gently", ""), before.purpose(), List.of(new Text("Stand by a chair.", "")),
                new Dosage(null, null, null, 8), before.progression(), before.safety(), before.stopRule());
        assertThatThrownBy(() -> asTherapist(() -> manuals.reviseExercise(study, revised, " ")))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).fieldMessageKeys()).isEqualTo(
                        java.util.Map.of("reason", "change.reason.required"));
        ManualExercise untitled = new ManualExercise(before.code(), before.phase(), before.region(), new Text("", ""),
                before.purpose(), List.of(), new Dosage(null, null, null, 99), before.progression(), before.safety(),
                before.stopRule());
        assertThatThrownBy(() -> asTherapist(() -> manuals.reviseExercise(study, untitled, "Typo")))
                .isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).fieldMessageKeys().keySet())
                .isEqualTo(Set.of("title", "steps", "dosage"));

        int edition = asTherapist(() -> manuals.reviseExercise(study, revised, "Simpler wording"));
        assertThat(edition).isEqualTo(2);
        ExerciseManual latest = asTherapist(() -> manuals.manual(study)).orElseThrow();
        ManualExercise now = latest.exercise(before.code()).orElseThrow();
        assertThat(now.title().zh()).as("Chinese left empty shows the English").isEqualTo("March in place, gently");
        assertThat(now.phase()).isEqualTo(before.phase());

        signIn(exerciserAccount);
        assertThat(ownProgramme.myManual().getEdition()).as("the prescribed programme keeps its edition").isEqualTo(1);
        assertThat(ownProgramme.myToday().exercises().getFirst().exercise().title().en()).isEqualTo(before.title()
                .en());
        assertThatThrownBy(() -> manuals.reviseExercise(study, revised, "Not mine to change"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(history("ExerciseManual", study + "/" + before.code())).containsExactly("manual.exercise-revised");
        assertThat(asTherapist(() -> prescriptions.programmeOf(exerciser)).orElseThrow().getManualEdition())
                .isEqualTo(programme.getManualEdition()).isEqualTo(1);
    }
}
