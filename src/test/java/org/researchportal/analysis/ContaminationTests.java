package org.researchportal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.PortalTranslations;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.followup.CallAnswers;
import org.researchportal.followup.CallEntry;
import org.researchportal.followup.CallOutcome;
import org.researchportal.followup.CallQuestion;
import org.researchportal.followup.CallRecords;
import org.researchportal.followup.CallRow;
import org.researchportal.followup.CallScript;
import org.researchportal.followup.CallStatus;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.FollowUpCall;
import org.researchportal.followup.FollowUpPlanSettings;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.followup.OutsideExerciseAnswers;
import org.researchportal.followup.OutsideExerciseKind;
import org.researchportal.followup.WorklistFilter;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.AnalysedParticipants;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.quality.RecordLocking;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Contamination: the call's structured question on exercise outside the study, checked by the service (kinds and
 * minutes only with yes, minutes required with yes, 0 to 3000, kinds from the list), audited, refused on a locked
 * form; and the report by arm and month since randomisation worked by hand from calls completed in both arms.
 */
class ContaminationTests extends PortalTest {

    /** Both arms are asked, as the plans page sets it when the team ticks the question. */
    static final FollowUpPlanSettings ASKS = new FollowUpPlanSettings(1, 1, 3, 7, 3, 4, new CallScript("Hello",
            "您好", List.of(CallQuestion.JOINT_PAIN, CallQuestion.OUTSIDE_EXERCISE)));

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
    FollowUpPlans plans;
    @Autowired
    CallWorklist worklist;
    @Autowired
    CallRecords records;
    @Autowired
    AuditTrail audit;
    @Autowired
    RecordLocking locking;
    @Autowired
    AnalysedParticipants analysed;
    @Autowired
    OutsideExerciseAnswers outsideAnswers;
    @Autowired
    ContaminationReports reports;

    TrialFixture trial;

    @BeforeEach
    void aStudyWhoseCallsAskAboutExerciseOutsideIt() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        as(PortalRole.TENANT_ADMIN, () -> plans.configure(trial.studyId(), "CONTROL", ASKS));
        as(PortalRole.TENANT_ADMIN, () -> plans.configure(trial.studyId(), "EXERCISE", ASKS));
    }

    <T> T as(PortalRole role, Supplier<T> work) {
        return asSystem(trial.tenantId(), Set.of(role), work);
    }

    String randomised(String name) {
        return trial.asClinician(() -> trial.randomised(screening, consent, randomisation, TrialFixture.candidate(
                name)));
    }

    FollowUpCall call(String participant, int number) {
        CallRow row = trial.asCoordinator(() -> worklist.worklist(WorklistFilter.OPEN)).stream()
                .filter(r -> r.participant().id().equals(participant) && r.number() == number).findFirst()
                .orElseThrow();
        return trial.asCoordinator(() -> worklist.context(row.callId())).call();
    }

    FollowUpCall completed(FollowUpCall call, CallAnswers answers) {
        return trial.asCoordinator(() -> records.recordAttempt(call.requireId(), new CallEntry(CallOutcome.COMPLETED,
                answers, null, null, trial.asCoordinator(() -> worklist.context(call.requireId())).call()
                        .getVersion())));
    }

    static CallAnswers outside(@org.jspecify.annotations.Nullable Boolean yes, Set<OutsideExerciseKind> kinds,
            @org.jspecify.annotations.Nullable Integer minutes) {
        return new CallAnswers(null, null, Set.of(), null, 3, null, null, null, Set.of(), false, null, yes, kinds,
                minutes);
    }

    static CallAnswers no() {
        return outside(false, Set.of(), null);
    }

    static CallAnswers yes(int minutes, OutsideExerciseKind... kinds) {
        return outside(true, EnumSet.copyOf(Arrays.asList(kinds)), minutes);
    }

    Map<String, String> refusal(FollowUpCall call, CallAnswers answers) {
        try {
            completed(call, answers);
        } catch (ValidationException e) {
            return e.fieldMessageKeys();
        }
        throw new AssertionError("not refused: " + answers);
    }

    @Test
    void theAnswerIsCheckedAtItsFieldsAndARefusedCallWritesNothing() {
        FollowUpCall call = call(randomised("Checked Answers"), 1);
        assertThat(refusal(call, outside(null, Set.of(), null))).containsEntry("outsideExercise",
                "call.answer.required");
        assertThat(refusal(call, outside(true, Set.of(OutsideExerciseKind.WALKING), null)))
                .as("yes without minutes").containsEntry("outsideExerciseMinutes", "contamination.minutes.invalid");
        assertThat(refusal(call, outside(false, Set.of(OutsideExerciseKind.DANCE), 60)))
                .as("kinds and minutes without yes").containsEntry("outsideExerciseKinds",
                        "contamination.only-with-yes")
                .containsEntry("outsideExerciseMinutes", "contamination.only-with-yes");
        assertThat(refusal(call, outside(true, Set.of(), 3001))).containsEntry("outsideExerciseMinutes",
                "contamination.minutes.invalid");
        assertThat(refusal(call, outside(true, Set.of(), -1))).containsEntry("outsideExerciseMinutes",
                "contamination.minutes.invalid");
        Set<OutsideExerciseKind> offTheList = new HashSet<>();
        offTheList.add(null);
        assertThat(refusal(call, outside(true, offTheList, 30))).as("a kind that is not on the list")
                .containsEntry("outsideExerciseKinds", "contamination.kind.unknown");
        FollowUpCall after = trial.asCoordinator(() -> worklist.context(call.requireId())).call();
        assertThat(after.getStatus()).isEqualTo(CallStatus.OPEN);
        assertThat(after.getAttempts()).isEmpty();
        assertThat(after.getAnswers()).isNull();
        assertThat(as(PortalRole.CLINICIAN, () -> audit.history("FollowUpCall", call.requireId()))).isEmpty();

        // The bounds themselves are answers.
        FollowUpCall kept = completed(call, yes(3000, OutsideExerciseKind.SWIMMING, OutsideExerciseKind.OTHER));
        assertThat(kept.getAnswers().outsideExercise()).isTrue();
        assertThat(kept.getAnswers().outsideExerciseMinutes()).isEqualTo(3000);
        assertThat(kept.getAnswers().outsideExerciseKinds()).containsExactlyInAnyOrder(
                OutsideExerciseKind.SWIMMING, OutsideExerciseKind.OTHER);
    }

    @Test
    void theAnswerIsAuditedInWordsAndAPlanThatDoesNotAskKeepsNothingOfIt() {
        String participant = randomised("Audited Answers");
        FollowUpCall call = completed(call(participant, 1), yes(90, OutsideExerciseKind.WALKING,
                OutsideExerciseKind.DANCE));
        List<AuditEvent> history = as(PortalRole.CLINICIAN, () -> audit.history("FollowUpCall", call.requireId()));
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo("call.attempt-recorded");
            assertThat(String.valueOf(e.getAfter())).contains("outsideExercise=true", "outsideExerciseMinutes=90",
                    "WALKING", "DANCE");
        });
        // The trail reads these fields and codes in words, in both languages.
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            for (String key : List.of("audit.field.outsideExercise", "audit.field.outsideExerciseKinds",
                    "audit.field.outsideExerciseMinutes", "audit.value.WALKING", "audit.value.DANCE")) {
                assertThat(PortalTranslations.find(key, locale)).as(key + " " + locale).isPresent();
            }
        }
        assertThat(PortalTranslations.find("audit.field.outsideExerciseMinutes", Locale.SIMPLIFIED_CHINESE)
                .orElseThrow()).containsPattern("\\p{IsHan}");

        // Once the team unticks the question, an answer given anyway is not kept.
        as(PortalRole.TENANT_ADMIN, () -> plans.configure(trial.studyId(), call.getArmCode(), new FollowUpPlanSettings(
                1, 1, 3, 7, 3, 4, new CallScript("Hello", "您好", List.of(CallQuestion.JOINT_PAIN)))));
        FollowUpCall second = completed(call(participant, 2), yes(45, OutsideExerciseKind.SWIMMING));
        assertThat(second.getAnswers().outsideExercise()).isNull();
        assertThat(second.getAnswers().outsideExerciseKinds()).isEmpty();
        assertThat(second.getAnswers().outsideExerciseMinutes()).isNull();
    }

    @Test
    void aLockedCallRefusesTheAnswer() {
        FollowUpCall call = call(randomised("Locked Call"), 1);
        as(PortalRole.MONITOR, () -> locking.lockForm(ClinicalForm.followUpCall(trial.studyId(), call
                .getParticipantId(), call.requireId()), "Verified"));
        assertThatThrownBy(() -> completed(call, yes(30, OutsideExerciseKind.WALKING)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                        .containsEntry("record", "record.locked"));
        assertThat(trial.asCoordinator(() -> worklist.context(call.requireId())).call().getAnswers()).isNull();
    }

    @Test
    void onlyUnblindedReadersReadTheAnswersAndTheReportAndOnlyOfTheirOwnInstitution() {
        for (PortalRole blinded : List.of(PortalRole.ASSESSOR, PortalRole.MONITOR, PortalRole.COORDINATOR,
                PortalRole.THERAPIST, PortalRole.TENANT_ADMIN)) {
            assertThatThrownBy(() -> as(blinded, () -> reports.report(trial.studyId()))).as(blinded.name())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(blinded, () -> outsideAnswers.answers(trial.studyId()))).as(blinded.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(as(PortalRole.STATISTICIAN, () -> reports.report(trial.studyId())).rows()).isEmpty();
        assertThat(as(PortalRole.CLINICIAN, () -> outsideAnswers.answers(trial.studyId()))).isEmpty();
        TrialFixture other = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 8);
        assertThatThrownBy(() -> as(PortalRole.STATISTICIAN, () -> reports.report(other.studyId())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(PortalRole.CLINICIAN, () -> outsideAnswers.answers(other.studyId())))
                .isInstanceOf(NotFoundException.class);
    }

    /**
     * By hand. Control: month 1, A yes 90 min (walking, dance) and B no; month 2, A yes 120 (walking) and B yes 60
     * (swimming). Exercise: month 1, C yes 30 (strength) and D no; month 2, C no, D's call not yet made.
     * <ul>
     * <li>Control month 1: 2 asked, 1 (50.0%); all asked (90, 0) mean 45.0, median 45.0; those reporting 90, 90;
     * walking 1, dance 1.</li>
     * <li>Control month 2: 2 asked, 2 (100.0%); (120, 60) mean 90.0, median 90.0, the same among those reporting;
     * walking 1, swimming 1.</li>
     * <li>Exercise month 1: 2 asked, 1 (50.0%); (30, 0) mean 15.0, median 15.0; reporting 30, 30; strength 1.</li>
     * <li>Exercise month 2: 1 asked, 0 (0.0%); mean 0, median 0; none reporting.</li>
     * </ul>
     */
    @Test
    void theReportByArmAndMonthIsWhatTheCallsAnsweredWorkedByHand() {
        List<String> control = new ArrayList<>();
        List<String> exercise = new ArrayList<>();
        for (int i = 0; i < 8 && (control.size() < 2 || exercise.size() < 2); i++) {
            String id = randomised("Person " + i);
            List<AnalysedParticipant> all = as(PortalRole.STATISTICIAN, () -> analysed.randomised(trial.studyId()));
            String arm = all.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().armCode();
            (arm.equals("CONTROL") ? control : exercise).add(id);
        }
        assertThat(control).hasSizeGreaterThanOrEqualTo(2);
        assertThat(exercise).hasSizeGreaterThanOrEqualTo(2);
        String a = control.get(0);
        String b = control.get(1);
        String c = exercise.get(0);
        String d = exercise.get(1);
        completed(call(a, 1), yes(90, OutsideExerciseKind.WALKING, OutsideExerciseKind.DANCE));
        completed(call(b, 1), no());
        completed(call(a, 2), yes(120, OutsideExerciseKind.WALKING));
        completed(call(b, 2), yes(60, OutsideExerciseKind.SWIMMING));
        completed(call(c, 1), yes(30, OutsideExerciseKind.STRENGTH_OR_GYM));
        completed(call(d, 1), no());
        completed(call(c, 2), no());
        // A call not completed counts nowhere.
        FollowUpCall unanswered = call(d, 2);
        trial.asCoordinator(() -> records.recordAttempt(unanswered.requireId(), new CallEntry(CallOutcome.NO_ANSWER,
                null, null, null, unanswered.getVersion())));

        ContaminationReport report = as(PortalRole.STATISTICIAN, () -> reports.report(trial.studyId()));
        assertThat(report.months()).containsExactly(1, 2);
        assertThat(report.rows()).extracting(ContaminationMonth::armCode, ContaminationMonth::month)
                .as("by month, arms in the study's order").containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EXERCISE", 1),
                        org.assertj.core.groups.Tuple.tuple("CONTROL", 1),
                        org.assertj.core.groups.Tuple.tuple("EXERCISE", 2),
                        org.assertj.core.groups.Tuple.tuple("CONTROL", 2));
        ContaminationMonth control1 = report.row("CONTROL", 1).orElseThrow();
        assertThat(control1.asked()).isEqualTo(2);
        assertThat(control1.reporting()).isEqualTo(1);
        assertThat(control1.percentReporting()).isEqualTo(50.0);
        assertThat(control1.meanMinutesAll()).isEqualTo(45.0);
        assertThat(control1.medianMinutesAll()).isEqualTo(45.0);
        assertThat(control1.meanMinutesReporting()).isEqualTo(90.0);
        assertThat(control1.medianMinutesReporting()).isEqualTo(90.0);
        assertThat(control1.kinds()).containsEntry(OutsideExerciseKind.WALKING, 1)
                .containsEntry(OutsideExerciseKind.DANCE, 1).containsEntry(OutsideExerciseKind.SWIMMING, 0);
        ContaminationMonth control2 = report.row("CONTROL", 2).orElseThrow();
        assertThat(control2.asked()).isEqualTo(2);
        assertThat(control2.reporting()).isEqualTo(2);
        assertThat(control2.percentReporting()).isEqualTo(100.0);
        assertThat(control2.meanMinutesAll()).isEqualTo(90.0);
        assertThat(control2.medianMinutesAll()).isEqualTo(90.0);
        assertThat(control2.meanMinutesReporting()).isEqualTo(90.0);
        assertThat(control2.kinds()).containsEntry(OutsideExerciseKind.WALKING, 1)
                .containsEntry(OutsideExerciseKind.SWIMMING, 1).containsEntry(OutsideExerciseKind.DANCE, 0);
        ContaminationMonth exercise1 = report.row("EXERCISE", 1).orElseThrow();
        assertThat(exercise1.asked()).isEqualTo(2);
        assertThat(exercise1.reporting()).isEqualTo(1);
        assertThat(exercise1.percentReporting()).isEqualTo(50.0);
        assertThat(exercise1.meanMinutesAll()).isEqualTo(15.0);
        assertThat(exercise1.medianMinutesAll()).isEqualTo(15.0);
        assertThat(exercise1.meanMinutesReporting()).isEqualTo(30.0);
        assertThat(exercise1.kinds()).containsEntry(OutsideExerciseKind.STRENGTH_OR_GYM, 1);
        ContaminationMonth exercise2 = report.row("EXERCISE", 2).orElseThrow();
        assertThat(exercise2.asked()).isEqualTo(1);
        assertThat(exercise2.reporting()).isZero();
        assertThat(exercise2.percentReporting()).isZero();
        assertThat(exercise2.meanMinutesAll()).isZero();
        assertThat(exercise2.meanMinutesReporting()).isNull();
        assertThat(exercise2.medianMinutesReporting()).isNull();

        // Every figure traces to the call answers it counted: one per completed call that asked.
        assertThat(report.sources()).hasSize(7);
        assertThat(report.sources()).filteredOn(s -> s.month() == 1 && s.armCode().equals("CONTROL"))
                .extracting(ContaminationSource::minutesPerWeek).containsExactlyInAnyOrder(90, null);
        assertThat(report.sources()).allSatisfy(s -> assertThat(s.participant()).doesNotMatch("[0-9a-f]{24}"));
        assertThat(report.sources()).filteredOn(s -> s.month() == 2 && s.armCode().equals("CONTROL"))
                .extracting(ContaminationSource::callNumber).containsOnly(2);
        assertThat(as(PortalRole.CLINICIAN, () -> reports.report(trial.studyId()))).isEqualTo(report);
    }

    @Test
    void aCallCountsInTheMonthItWasDueFromRandomisation() {
        assertThat(ContaminationReports.monthOf(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28))).isEqualTo(1);
        assertThat(ContaminationReports.monthOf(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 31))).isEqualTo(2);
        assertThat(ContaminationReports.monthOf(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 4, 15))).isEqualTo(1);
        assertThat(ContaminationReports.monthOf(LocalDate.of(2026, 3, 15), LocalDate.of(2026, 6, 15))).isEqualTo(3);
    }
}
