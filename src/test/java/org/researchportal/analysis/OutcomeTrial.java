package org.researchportal.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.researchportal.PortalTest;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.AnalysedParticipant;
import org.researchportal.participants.AnalysedParticipants;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.quality.AwaitingSignature;
import org.researchportal.quality.Signatures;
import org.researchportal.quality.SourceVerification;
import org.researchportal.quality.StudyLifecycle;
import org.researchportal.study.StudyService;
import org.researchportal.study.Timepoint;
import org.researchportal.tenancy.TenantService;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;

/**
 * A study of its own with BPI-SF pain severity at baseline and week 6 for six randomised participants (two exercise,
 * two control with entries; the other two missed both visits), worked by hand (an assessor cannot record anything for
 * someone never randomised: {@link OutcomeFiguresTests} leaves such entries out):
 *
 * <pre>
 *              baseline  week 6
 *   E1 (EXE)      6        4        change -2
 *   E2 (EXE)      8        missed
 *   C1 (CON)      5        5        change  0
 *   C2 (CON)   missed      7
 * </pre>
 *
 * Pooled: baseline n 3, mean 19/3 = 6.33, SD sqrt(4.667/2) = 1.53; week 6 n 3, mean 16/3 = 5.33, SD 1.53; change n
 * 2, mean -1, SD sqrt(2) = 1.41. By arm: exercise baseline n 2, mean 7, SD 1.41, week 6 n 1 mean 4, change n 1 mean
 * -2; control baseline n 1 mean 5, week 6 n 2 mean 6 SD 1.41, change n 1 mean 0.
 */
public record OutcomeTrial(ApplicationContext context, TrialFixture trial, String e1, String e2, String c1,
        String c2) {

    /** The study, made through the services a test's context holds, as the people concerned would. */
    public static OutcomeTrial create(ApplicationContext context) {
        StudyService studies = context.getBean(StudyService.class);
        RandomisationService randomisation = context.getBean(RandomisationService.class);
        ScreeningService screening = context.getBean(ScreeningService.class);
        ConsentService consent = context.getBean(ConsentService.class);
        AssessmentService assessments = context.getBean(AssessmentService.class);
        MissedVisits missedVisits = context.getBean(MissedVisits.class);
        TenantService tenants = context.getBean(TenantService.class);
        AnalysedParticipants analysed = context.getBean(AnalysedParticipants.class);
        TrialFixture trial = TrialFixture.create(tenants, studies, randomisation,
                DemoStudyDesigns.reMsRandomisation(), 24);
        as(trial, PortalRole.TENANT_ADMIN, () -> {
            studies.configureSchedule(trial.studyId(), List.of(
                    new Timepoint("baseline", "Baseline", "基线", 0, 14, 3, List.of("bpi_sf")),
                    new Timepoint("week_6", "Week 6", "第6周", 42, 42, 7, List.of("bpi_sf"))));
            return null;
        });
        // Permuted blocks of 2 or 4: six randomised give at least two in each arm.
        for (int i = 0; i < 6; i++) {
            String name = "Outcome Person " + i;
            trial.asClinician(() -> trial.randomised(screening, consent, randomisation, TrialFixture.candidate(
                    name)));
        }
        List<AnalysedParticipant> randomised = trial.asClinician(() -> analysed.randomised(trial.studyId()));
        List<String> exercise = new ArrayList<>(randomised.stream().filter(p -> p.armCode().equals("EXERCISE"))
                .map(AnalysedParticipant::id).toList());
        List<String> control = new ArrayList<>(randomised.stream().filter(p -> p.armCode().equals("CONTROL"))
                .map(AnalysedParticipant::id).toList());
        var outcome = new OutcomeTrial(context, trial, exercise.removeFirst(), exercise.removeFirst(), control
                .removeFirst(),
                control.removeFirst());
        as(trial, PortalRole.ASSESSOR, () -> {
            record(assessments, outcome.e1(), "baseline", 6);
            record(assessments, outcome.e1(), "week_6", 4);
            record(assessments, outcome.e2(), "baseline", 8);
            missedVisits.recordMissed(outcome.e2(), "week_6", MissedVisitRecord.Kind.MISSED, "Could not come");
            record(assessments, outcome.c1(), "baseline", 5);
            record(assessments, outcome.c1(), "week_6", 5);
            missedVisits.recordMissed(outcome.c2(), "baseline", MissedVisitRecord.Kind.MISSED, "Ill");
            record(assessments, outcome.c2(), "week_6", 7);
            for (String other : List.of(exercise, control).stream().flatMap(List::stream).toList()) {
                missedVisits.recordMissed(other, "baseline", MissedVisitRecord.Kind.MISSED, "Moved away");
                missedVisits.recordMissed(other, "week_6", MissedVisitRecord.Kind.MISSED, "Moved away");
            }
            return null;
        });
        return outcome;
    }

    /** The BPI-SF with its four severity items all at {@code pain}: its pain severity is {@code pain}. */
    private static void record(AssessmentService assessments, String participant, String timepoint, int pain) {
        String p = Integer.toString(pain);
        assessments.record(participant, timepoint, "bpi_sf", LocalDate.now(), Map.of("worst", p, "least", p,
                "average", p, "now", p), null);
    }

    public String studyId() {
        return trial.studyId();
    }

    /**
     * Locks the study's database as its monitor does, once the study's investigator (a new clinician, appointed) has
     * signed every timepoint with entries, signed in with her password ({@code signIn}, a test's), and the monitor
     * has verified every required form.
     */
    public void lock(Consumer<String> signIn) {
        AccountService accounts = context.getBean(AccountService.class);
        StudyService studies = context.getBean(StudyService.class);
        Signatures signatures = context.getBean(Signatures.class);
        SourceVerification verification = context.getBean(SourceVerification.class);
        StudyLifecycle lifecycle = context.getBean(StudyLifecycle.class);
        String investigator = trial.account(accounts, "pi", "Dr Investigator", PortalRole.CLINICIAN);
        as(trial, PortalRole.TENANT_ADMIN, () -> {
            studies.appointPrincipalInvestigator(studyId(), accounts.accounts(Pageable.unpaged()).stream()
                    .filter(a -> a.username().equals(investigator)).findFirst().orElseThrow().id());
            return null;
        });
        signIn.accept(investigator);
        for (AwaitingSignature awaiting : signatures.awaiting(studyId())) {
            signatures.sign(awaiting.participantId(), awaiting.timepoint(), investigator, PortalTest.PASSWORD);
        }
        as(trial, PortalRole.MONITOR, () -> {
            verification.progress(studyId()).outstandingForms().forEach(f -> verification.verify(f.form()));
            return lifecycle.lock(studyId(), "Analysis");
        });
    }

    public <T> T as(PortalRole role, Supplier<T> work) {
        return as(trial, role, work);
    }

    private static <T> T as(TrialFixture trial, PortalRole role, Supplier<T> work) {
        return SystemActor.callAs("test-" + role.name().toLowerCase(), trial.tenantId(), EnumSet.of(role), work);
    }
}
