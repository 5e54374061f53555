package org.researchportal.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.researchportal.PortalTest;
import org.researchportal.ServiceOperations;
import org.researchportal.assessments.AdverseEventDrafts;
import org.researchportal.assessments.AdverseEventReport;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.ArmGuesses;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.MissedVisitRecord;
import org.researchportal.assessments.MissedVisits;
import org.researchportal.assessments.QuestionnaireAnswers;
import org.researchportal.base.ValidationException;
import org.researchportal.base.clinical.ClinicalRecordLocks;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.SystemActor;
import org.researchportal.base.storage.DatabaseWrites;
import org.researchportal.demo.DemoManual;
import org.researchportal.demo.DemoStudyDesigns;
import org.researchportal.exercise.AdherenceRules;
import org.researchportal.exercise.Dosage;
import org.researchportal.exercise.ExerciseManuals;
import org.researchportal.exercise.ParticipantProgramme;
import org.researchportal.exercise.Prescriptions;
import org.researchportal.exercise.ProgrammeAlerts;
import org.researchportal.exercise.SessionEntry;
import org.researchportal.exercise.SessionLogging;
import org.researchportal.exercise.VideoWatching;
import org.researchportal.followup.CallAnswers;
import org.researchportal.followup.CallEntry;
import org.researchportal.followup.CallOutcome;
import org.researchportal.followup.CallPlanning;
import org.researchportal.followup.CallRecords;
import org.researchportal.followup.CallRow;
import org.researchportal.followup.CallWorklist;
import org.researchportal.followup.CounsellingTopic;
import org.researchportal.followup.Escalations;
import org.researchportal.followup.FollowUpPlans;
import org.researchportal.followup.MissedQuestionnaires;
import org.researchportal.followup.SideEffect;
import org.researchportal.followup.WorklistFilter;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.messaging.ReminderPlanner;
import org.researchportal.participants.ConsentService;
import org.researchportal.participants.ConsentWithdrawal;
import org.researchportal.participants.ParticipantImport;
import org.researchportal.participants.ParticipantService;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.participants.ParticipationService;
import org.researchportal.participants.RandomisationService;
import org.researchportal.participants.ScreeningService;
import org.researchportal.participants.TrialFixture;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * After database lock nothing of the study's data changes: every public service operation of the portal is either a
 * write of a study's data, walked here against a locked study and refused with {@code study.locked}; a sweep that
 * leaves a locked study alone, walked here and seen to write nothing; or judged not to write a study's data, with the
 * reason. A new operation fails this test until it is put in one of the three.
 */
class DatabaseLockWalkTests extends PortalTest {

    /** The operations that write nothing of a study's clinical or trial data, by why. */
    private static final Map<String, List<String>> NOT_STUDY_DATA = new LinkedHashMap<>();

    static {
        judged("reads: they change nothing", "AccountService.accountCount(0)", "AccountService.accounts(1)",
                "AccountService.accountsWithRole(1)", "AnalysedParticipants.randomised(1)", "ArmGuesses.guessOf(2)",
                "ArmGuesses.guessesOf(1)",
                "BlindingIndexes.report(1)", "AccountService.holdsRole(2)", "AccountService.names(1)",
                "AdherenceFigures.ofParticipant(1)", "AdherenceFigures.ofStudy(1)", "AdherenceReport.report(1)",
                "AdherenceRules.rule(1)",
                "AdverseEventDrafts.openDrafts(1)", "AdverseEventDrafts.openDraftsOf(1)",
                "AdverseEventService.eventsOf(2)", "AdverseEventService.ofParticipant(1)",
                "AdverseEventService.ofStudy(1)", "SafetyReports.report(1)",
                "AdverseEventService.openSerious(1)", "ApiTokenService.myTokens(0)", "ApiTokenService.tokenStudies(0)",
                "AssessmentService.assessmentsOf(2)", "AssessmentService.entry(3)", "AssessmentService.find(3)",
                "AssessmentService.participantsWithFollowUp(1)", "AssessmentService.worklist(1)",
                "AssessmentService.outcomeScores(1)", "AssessmentService.scoredEntries(1)",
                "OutcomeSummaries.byArm(1)", "OutcomeSummaries.pooled(1)",
                "AuditTrail.history(2)", "AuditTrail.participantHistory(1)",
                "BlindedParticipants.blindedParticipant(1)", "BlindedParticipants.blindedParticipants(2)",
                "BlindedParticipants.mine(0)", "Questionnaires.mine(0)", "Questionnaires.ofStudy(1)",
                "Questionnaires.ofParticipant(1)",
                "QuestionnaireAnswers.mine(0)", "QuestionnaireAnswers.open(2)",
                "StudyService.questionnaireSettings(1)",
                "CallParticipants.callParticipant(1)", "CallParticipants.callParticipants(0)",
                "CallPlanning.expectedCalls(1)", "CallWorklist.callsOf(1)", "CallWorklist.callsOf(2)",
                "CallWorklist.context(1)", "CallWorklist.exportLog(2)", "CallWorklist.figures(1)",
                "CallWorklist.worklist(1)", "CareTeamService.careTeam(1)",
                "CareTeamService.unlinkedParticipantAccounts(0)", "ConsortService.flow(1)",
                "ContaminationReports.report(1)", "OutsideExerciseAnswers.answers(1)",
                "EnrolmentCounts.allocationCounts(1)", "EnrolmentCounts.countByArm(2)", "EnrolmentCounts.progress(1)",
                "EnrolmentCounts.statusCounts(1)", "Escalations.open(1)", "Escalations.openFor(1)",
                "MissedQuestionnaires.open(1)",
                "ExerciseManuals.guidance(1)", "ExerciseManuals.manual(1)", "ExerciseManuals.myGuidance(0)",
                "FollowUpPlans.plans(1)", "InstrumentDesigner.designs(0)", "InstrumentDesigner.exportDictionary(0)",
                "InstrumentDesigner.versions(1)", "InstrumentLibrary.acrossVersions(1)",
                "InstrumentLibrary.allPublished(0)", "InstrumentLibrary.instrument(1)",
                "InstrumentLibrary.instruments(0)", "InstrumentLibrary.published(0)", "MediaLibrary.maxBytes(0)",
                "MediaLibrary.myVideos(0)", "MediaLibrary.openVideo(1)", "MediaLibrary.videoWeeksAhead(1)",
                "MediaLibrary.videos(1)", "MessageTemplates.preview(4)", "MessageTemplates.template(3)",
                "MessagingSettingsService.current(0)", "MissedVisits.missedVisitsOf(2)", "Outbox.latest(1)",
                "Outbox.latest(2)", "Outbox.messagesOf(1)", "ParticipantAccounts.hasPassword(1)",
                "ParticipantContacts.birthYear(1)", "ParticipantContacts.contact(1)",
                "ParticipantInvitations.accountReady(1)",
                "ParticipantInvitations.lastInvitation(1)", "ParticipantProgramme.followsProgramme(0)",
                "ParticipantProgramme.myHistory(0)", "ParticipantProgramme.myManual(0)",
                "ParticipantProgramme.myProgramme(0)", "ParticipantProgramme.myToday(0)",
                "ParticipantService.findParticipants(3)", "ParticipantService.myContactPreferences(0)",
                "ParticipantService.myParticipation(0)", "ParticipantService.participantRecord(1)",
                "ParticipantService.participants(2)", "ParticipantService.therapistCaseload(1)",
                "PictureLibrary.myPictures(0)", "PictureLibrary.openPicture(1)", "PictureLibrary.pictures(1)",
                "Prescriptions.programmeOf(1)", "Prescriptions.programmeWithManual(1)", "ProgrammeAlerts.alerts(1)",
                "ProgrammeFeed.programmeDaysAhead(1)", "ProgrammeHandouts.handout(2)",
                "ProgrammeHandouts.myHandout(0)", "ProgrammeParticipants.me(0)",
                "ProgrammeParticipants.programmeParticipant(1)", "ProgrammeParticipants.programmeParticipants(1)",
                "ProgressFigures.adherence(2)", "ProgressFigures.figures(1)", "ProgressFigures.myFigures(0)",
                "ProgressFigures.overview(1)", "ProgressFigures.progress(1)", "RandomisationService.isSetUp(1)",
                "ReleasedAllocations.armCodes(2)", "ReleasedAllocations.released(1)", "ScreeningService.preview(3)",
                "ScreeningService.screenFailures(1)", "SessionLogging.myCheckInDue(0)",
                "SessionLogging.mySafetyAdvice(0)", "StudyExports.csv(2)", "StudyExports.dictionary(2)",
                "StudyExports.odm(2)", "StudyExports.zip(2)", "StudyService.eligibilityModel(1)",
                "StudyService.randomisationPlan(1)", "StudyService.record(1)", "StudyService.schedule(1)",
                "StudyService.studies(0)", "StudyService.study(1)", "TenantArchive.export(1)",
                "TenantService.tenants(0)", "TrialDocumentService.consentForms(1)",
                "TrialDocumentService.documents(1)", "TrialDocumentService.open(1)", "VideoCaptions.openCaptions(2)",
                "VideoWatching.engagement(1)", "VideoWatching.myEngagement(0)", "StudyLifecycle.life(1)",
                "StudyLifecycle.moves(1)", "StudyLifecycle.blockers(1)", "AdverseEventService.blindedOfParticipant(1)",
                "AdverseEventService.formsOf(1)",
                "AssessmentService.formsOf(1)", "BlindedParticipants.blindedConsent(1)",
                "BlindedParticipants.blindedEligibility(1)", "BlindedParticipants.formsOf(1)", "DataQueries.allOf(1)",
                "DataQueries.ofParticipant(1)", "DataQueries.ofStudy(2)", "DataQueries.onPoint(1)",
                "DataQueries.openOf(1)", "DataQueries.query(1)", "EditChecks.checks(1)", "EditChecks.fieldNames(3)",
                "EditChecks.runAll(1)", "EditChecks.runAllCsv(1)", "EditChecks.scheduledInstruments(1)",
                "LockArchives.archives(1)", "LockArchives.download(1)", "MonitorFigures.awaitingSignature(1)",
                "MonitorFigures.lockBlockers(1)", "MonitorFigures.openQueryAges(1)", "MonitorFigures.sdvProgress(1)",
                "MonitorFigures.stage(1)", "ParticipantForms.forms(2)", "RecordLocking.locksOfParticipant(1)",
                "RecordLocking.locksOfStudy(1)", "RecordLocking.locksOn(1)", "Signatures.awaiting(1)",
                "Signatures.maySign(1)", "Signatures.ofParticipant(1)", "Signatures.validByForm(1)",
                "SourceVerification.forms(1)", "SourceVerification.markOf(1)",
                "SourceVerification.marksOfParticipant(1)", "SourceVerification.marksOfStudy(1)",
                "SourceVerification.participantProgress(2)", "SourceVerification.plan(1)",
                "SourceVerification.progress(1)", "StudyService.principalInvestigator(1)", "StudyExports.archive(3)",
                "CertReports.report(1)", "DeliveredProgrammes.delivery(1)",
                "AdverseEventService.relatedToProgramme(1)");
        judged("the data-quality records kept about the data, not the data: a query's words, a verification mark, a"
                + " form lock, an investigator's signature, an edit check and who signs; a correction a query asks for"
                + " goes through the data's own service, which refuses it (AssessmentService.correct is walked)",
                "DataQueries.answer(2)", "DataQueries.answerWithCorrection(3)", "DataQueries.close(2)",
                "DataQueries.raise(4)", "DataQueries.reopen(2)", "EditChecks.add(2)", "EditChecks.addStandard(1)",
                "EditChecks.change(2)", "EditChecks.enable(2)", "RecordLocking.lockForm(2)",
                "RecordLocking.lockParticipant(2)", "RecordLocking.unlock(2)", "Signatures.beginSigning(3)",
                "Signatures.completeSigning(1)", "Signatures.sign(4)", "SourceVerification.configurePlan(3)",
                "SourceVerification.verify(1)", "StaffAlerts.dataQuery(6)",
                "StudyService.appointPrincipalInvestigator(2)");
        judged("the study's life itself: its own moves (a locked study moves only by unlock or archive)",
                "StudyLifecycle.move(3)", "StudyLifecycle.lock(2)", "StudyLifecycle.unlock(2)",
                "StudyLifecycle.archive(1)");
        judged("people and access: accounts, roles, API tokens and sign-in links are no trial data",
                "AccountService.changeLanguage(1)", "AccountService.changeRoles(2)", "AccountService.create(1)",
                "AccountService.createPlatformAdministrator(3)", "AccountService.passwordLink(1)",
                "AccountService.setActive(2)", "ApiTokenService.create(2)", "ApiTokenService.createRedcap(3)",
                "ApiTokenService.importRedcapToken(5)", "ApiTokenService.importToken(4)", "ApiTokenService.revoke(1)",
                "CareTeamService.assign(3)", "CareTeamService.linkAccount(2)", "ParticipantAccounts.invite(1)",
                "ParticipantInvitations.invite(2)", "ParticipantLinks.issue(3)", "ParticipantLinks.issue(4)",
                "ParticipantLinks.issue(5)",
                "ParticipantLinks.revokeAll(1)");
        judged("the institution and its settings, above any one study", "TenantService.create(3)",
                "TenantService.createWithAdministrator(4)", "TenantService.nameInChinese(2)",
                "TenantService.renewAdministratorLink(1)", "TenantService.setActive(2)", "TenantService.update(3)",
                "TenantArchive.importArchive(1)", "MessageTemplates.save(4)", "MessagingSettingsService.save(5)",
                "TestMessages.send(3)", "StudyService.create(1)");
        judged("the instrument library: a locked study's entries keep the version they were made with",
                "InstrumentDesigner.defineStandardInstruments(0)", "InstrumentDesigner.discardDraft(1)",
                "InstrumentDesigner.importDictionary(1)", "InstrumentDesigner.publish(2)",
                "InstrumentDesigner.saveDraft(2)");
        judged("intervention materials and the trial master file: a programme keeps the manual edition it follows",
                "ExerciseManuals.addExercise(3)", "ExerciseManuals.defineTemplate(3)",
                "ExerciseManuals.publishManual(5)", "ExerciseManuals.reviseExercise(3)", "MediaLibrary.link(3)",
                "MediaLibrary.upload(4)", "PictureLibrary.addPicture(4)", "PictureLibrary.removePicture(1)",
                "VideoCaptions.addCaptions(3)", "TrialDocumentService.upload(7)");
        judged("messages: the outbox and its deliveries (a locked study's reminders are cancelled at lock and never"
                + " planned again)", "Outbox.cancel(2)", "Outbox.cancelPendingFor(3)",
                "Outbox.cancelPendingReminders(2)", "Outbox.enqueue(1)", "Outbox.recordDelivery(3)",
                "Outbox.resend(2)", "OutboxDispatcher.dispatchDue(1)", "CallReminders.callClosed(1)",
                "CallReminders.callMoved(3)", "StaffAlerts.programmeAlert(3)", "StaffAlerts.seriousAdverseEvent(3)");
        judged("when participants are reminded of questionnaires and how a link checks who answers: a locked study's"
                + " questionnaires close with it, so nothing is sent whatever is set",
                "StudyService.configureQuestionnaires(2)");
        judged("a participant's own say over being contacted is honoured whatever the study's stage",
                "ParticipantService.saveMyContactPreferences(1)", "SmsReplies.handle(2)");
        judged("safety first: an emergency unblinding records who learnt an arm, no clinical value",
                "RandomisationService.emergencyUnblind(2)");
        judged("documentation for the paper: the team's text of the CERT report describes the intervention as delivered,"
                + " no participant's data, and is finished after the lock", "CertReports.complete(4)");
        judged("the audit trail records every act, the lock's own included", "AuditTrail.record(6)",
                "AuditTrail.recordPlatformAct(6)");
    }

    /** The sweeps and the follow-ups of events: they leave a locked study as it is, writing nothing. */
    private static final Set<String> SKIPS = Set.of("CallPlanning.planCalls(0)", "CallPlanning.planCallsFor(1)",
            "CallPlanning.cancelOpenCalls(2)", "ReminderPlanner.planAll(0)",
            "ReminderPlanner.planAssessmentReminders(1)", "ReminderPlanner.planCallReminders(1)",
            "ReminderPlanner.planSessionReminders(1)", "ReminderPlanner.planVideoLinks(1)",
            "ReminderPlanner.replan(1)", "ProgrammeAlerts.raiseInactivityAlerts(0)");

    private static void judged(String why, String... operations) {
        NOT_STUDY_DATA.put(why, List.of(operations));
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    DatabaseWrites writes;
    @Autowired
    StudyLives lives;
    @Autowired
    ClinicalRecordLocks locks;
    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    RandomisationService randomisation;
    @Autowired
    ScreeningService screening;
    @Autowired
    ConsentService consent;
    @Autowired
    ParticipantService participants;
    @Autowired
    ParticipationService participation;
    @Autowired
    AssessmentService assessments;
    @Autowired
    QuestionnaireAnswers questionnaireAnswers;
    @Autowired
    MissedVisits missedVisits;
    @Autowired
    ArmGuesses guesses;
    @Autowired
    AdverseEventService adverseEvents;
    @Autowired
    AdverseEventDrafts drafts;
    @Autowired
    FollowUpPlans plans;
    @Autowired
    CallPlanning planning;
    @Autowired
    CallWorklist worklist;
    @Autowired
    CallRecords calls;
    @Autowired
    Escalations escalations;
    @Autowired
    MissedQuestionnaires missedQuestionnaires;
    @Autowired
    ExerciseManuals manuals;
    @Autowired
    Prescriptions prescriptions;
    @Autowired
    SessionLogging sessions;
    @Autowired
    ProgrammeAlerts alerts;
    @Autowired
    VideoWatching watching;
    @Autowired
    ReminderPlanner reminders;
    @Autowired
    AdherenceRules adherenceRules;
    @Autowired
    ParticipantProgramme ownProgramme;

    private TrialFixture trial;

    @Test
    void everyWriteOfALockedStudysDataIsRefusedAndEverySweepLeavesItAlone() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 24);
        String study = trial.studyId();
        as(PortalRole.TENANT_ADMIN, () -> {
            studies.configureSchedule(study, DemoStudyDesigns.reMsSchedule());
            return null;
        });
        trial.planCalls(plans);
        String randomised = trial.asClinician(() -> trial.randomised(screening, consent, randomisation, TrialFixture
                .candidate("Walk Randomised", "+8613800138000", "walk@example.org")));
        String candidate = trial.eligibleConsentedCandidate(screening, consent, "Walk Candidate");
        String unconsented = trial.asClinician(() -> {
            String id = screening.screen(study, TrialFixture.candidate("Walk Unconsented"));
            screening.assessEligibility(id, TrialFixture.ELIGIBLE_MEASURES, TrialFixture.ELIGIBLE_ANSWERS, null);
            return id;
        });
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String exerciserAccount = as(PortalRole.TENANT_ADMIN, () -> accounts.create(new NewAccount(trial.tenantId()
                + ".walk", "Walk Exerciser", null, "en", Set.of(PortalRole.PARTICIPANT), PASSWORD)).id());
        String exerciser = as(PortalRole.CLINICIAN, () -> participants.importRecord(new ParticipantImport(study,
                "SCR-EX-1", "EX-1", "Walk Exerciser", ParticipantStatus.ENROLLED, "EXERCISE", today.minusDays(30),
                today.minusDays(20), null, null, null, "en", "Asia/Shanghai", null, null, null, exerciserAccount)));
        as(PortalRole.THERAPIST, () -> manuals.publishManual(study, DemoManual.exercises(), DemoManual.guidance(),
                List.of(DemoManual.standardProgramme()), true));
        as(PortalRole.THERAPIST, () -> prescriptions.prescribe(exerciser, "re_ms_standard", today.minusDays(7),
                EnumSet.allOf(DayOfWeek.class), "Standard programme"));
        String firstExercise = DemoManual.standardProgramme().exercises().getFirst();
        asParticipant(exerciserAccount, () -> sessions.logSession(new SessionEntry(today, List.of(firstExercise),
                20, 5, 2, 8, null, true)));
        String alert = as(PortalRole.THERAPIST, () -> alerts.alerts(exerciser)).getFirst().id();
        String adverseEvent = trial.asClinician(() -> adverseEvents.report(randomised, report()));
        as(PortalRole.ASSESSOR, () -> assessments.record(randomised, "baseline", "stiffness", LocalDate.now(
                org.researchportal.base.security.CurrentUser.require().zone()), Map.of("stiffness", "3",
                        "morning_minutes", "10"), null));
        List<CallRow> openCalls = trial.asCoordinator(() -> worklist.worklist(WorklistFilter.OPEN)).stream()
                .filter(r -> r.participant().id().equals(randomised)).toList();
        trial.asCoordinator(() -> calls.recordAttempt(openCalls.getFirst().callId(), new CallEntry(
                CallOutcome.COMPLETED, new CallAnswers(true, 1, Set.of(SideEffect.JOINT_PAIN), null, 4, 12, true,
                        "Fell and hurt her wrist", Set.of(CounsellingTopic.ADHERENCE), true, "Wants to stop"), null,
                null, version(openCalls.getFirst().callId()))));
        String nextCall = openCalls.get(1).callId();
        String escalation = trial.asClinician(() -> escalations.open(study)).getFirst().requireId();
        String draft = trial.asCoordinator(() -> drafts.openDraft(randomised, "Fell and hurt her wrist", today,
                "call"));
        long nextCallVersion = version(nextCall);

        Map<String, Supplier<?>> refused = new LinkedHashMap<>();
        refused.put("AdherenceRules.setRule(4)", therapist(() -> adherenceRules.setRule(study, 60, 80,
                "Protocol amendment")));
        refused.put("ParticipantProgramme.noteManualOpened(0)", () -> asParticipant(exerciserAccount, () -> {
            ownProgramme.noteManualOpened();
            return null;
        }));
        refused.put("AdverseEventDrafts.dismissDraft(2)", clinician(done(() -> drafts.dismissDraft(draft, "Not one"))));
        refused.put("AdverseEventDrafts.openDraft(4)", coordinator(() -> drafts.openDraft(randomised, "Dizzy", today,
                "call")));
        refused.put("AdverseEventDrafts.reportFromDraft(2)", clinician(() -> drafts.reportFromDraft(draft, report())));
        refused.put("AdverseEventService.report(2)", clinician(() -> adverseEvents.report(randomised, report())));
        refused.put("AdverseEventService.update(3)", clinician(done(() -> adverseEvents.update(adverseEvent, report(),
                "Follow-up"))));
        refused.put("AssessmentService.record(6)", assessor(() -> assessments.record(randomised, "baseline",
                "stiffness", today, Map.of("stiffness", "4", "morning_minutes", "20"), null)));
        refused.put("AssessmentService.record(7)", assessor(() -> assessments.record(randomised, "baseline",
                "stiffness", null, today, Map.of("stiffness", "4", "morning_minutes", "20"), null)));
        refused.put("AssessmentService.answerOwn(4)", () -> asParticipant(exerciserAccount, () -> assessments
                .answerOwn("week_6", "stiffness", 1, Map.of("stiffness", "4", "morning_minutes", "20"))));
        refused.put("QuestionnaireAnswers.keep(4)", () -> asParticipant(exerciserAccount, () -> {
            questionnaireAnswers.keep("week_6", "stiffness", "stiffness", "4");
            return null;
        }));
        refused.put("QuestionnaireAnswers.submit(2)", () -> asParticipant(exerciserAccount, () -> questionnaireAnswers
                .submit("week_6", "stiffness")));
        refused.put("AssessmentService.correct(6)", assessor(() -> assessments.correct(randomised, "baseline",
                "stiffness", "stiffness", "5", "Transcription error")));
        refused.put("CallRecords.recordAttempt(2)", coordinator(() -> calls.recordAttempt(nextCall, new CallEntry(
                CallOutcome.NO_ANSWER, null, null, null, nextCallVersion))));
        refused.put("ConsentService.correctConsent(6)", clinician(done(() -> consent.correctConsent(randomised,
                "Consent form v2.1", today.minusDays(2), true, true, "Date typo"))));
        refused.put("ConsentService.reconsent(5)", clinician(done(() -> consent.reconsent(randomised, "Consent form v3",
                today, true, true))));
        refused.put("ConsentService.recordConsent(5)", clinician(done(() -> consent.recordConsent(unconsented,
                "Consent form v2.1", today, true, true))));
        refused.put("ConsentService.transcribePaperConsent(6)", clinician(done(() -> consent.transcribePaperConsent(
                unconsented, "Consent form v2.1", today, true, true, "Signed on paper"))));
        refused.put("ConsentService.withdrawConsent(4)", clinician(done(() -> consent.withdrawConsent(randomised,
                ConsentWithdrawal.Scope.SMS_CONTACT, today, "No more SMS"))));
        refused.put("Escalations.handle(2)", clinician(done(() -> escalations.handle(escalation, "Phoned her"))));
        refused.put("MissedQuestionnaires.handle(3)", coordinator(done(() -> missedQuestionnaires.handle(randomised,
                "week_12", "Called her"))));
        refused.put("FollowUpPlans.configure(3)", admin(() -> plans.configure(study, "CONTROL", plans.plans(study)
                .getFirst().getSettings())));
        refused.put("ArmGuesses.guess(4)", assessor(() -> guesses.guess(randomised, "baseline", "EXERCISE", null)));
        refused.put("MissedVisits.recordMissed(4)", assessor(() -> missedVisits.recordMissed(randomised, "week_12",
                MissedVisitRecord.Kind.MISSED, "Moved away")));
        refused.put("ParticipantService.importRecord(1)", clinician(() -> participants.importRecord(
                new ParticipantImport(study, "SCR-EX-2", "EX-2", "Walk Imported", ParticipantStatus.ENROLLED,
                        "CONTROL", today.minusDays(30), today.minusDays(20), null, null, null, "en",
                        "Asia/Shanghai", null, null, null, null))));
        refused.put("ParticipantService.recordBirthYear(2)", clinician(done(() -> participants.recordBirthYear(
                randomised, 1958))));
        refused.put("ParticipationService.markLostToFollowUp(3)", clinician(done(() -> participation.markLostToFollowUp(
                randomised, today, "Unreachable"))));
        refused.put("ParticipationService.recordDeviation(3)", clinician(done(() -> participation.recordDeviation(
                randomised, today, "Visit out of window"))));
        refused.put("ParticipationService.withdraw(3)", clinician(done(() -> participation.withdraw(randomised, today,
                "Moved away"))));
        refused.put("Prescriptions.adjust(5)", therapist(() -> prescriptions.adjust(exerciser, firstExercise,
                new Dosage(2, 10, null, null), 2, "Stronger")));
        refused.put("Prescriptions.prescribe(5)", therapist(() -> prescriptions.prescribe(exerciser,
                "re_ms_standard", today, Set.of(DayOfWeek.MONDAY), "Again")));
        refused.put("ProgrammeAlerts.handleAlert(2)", therapist(() -> alerts.handleAlert(alert, "Called her")));
        refused.put("RandomisationService.randomise(2)", clinician(() -> randomisation.randomise(candidate,
                Map.of())));
        refused.put("RandomisationService.setUp(1)", admin(() -> {
            randomisation.setUp(study);
            return null;
        }));
        refused.put("ScreeningService.assessEligibility(4)", clinician(() -> screening.assessEligibility(candidate,
                TrialFixture.ELIGIBLE_MEASURES, TrialFixture.ELIGIBLE_ANSWERS, "Re-judged")));
        refused.put("ScreeningService.screen(2)", clinician(() -> screening.screen(study, TrialFixture.candidate(
                "Walk Late"))));
        refused.put("SessionLogging.checkIn(4)", () -> asParticipant(exerciserAccount, () -> sessions.checkIn(3, 3,
                true, null)));
        refused.put("SessionLogging.logSession(1)", () -> asParticipant(exerciserAccount, () -> sessions.logSession(
                new SessionEntry(today, List.of(firstExercise), 20, 3, 2, 2, null, false))));
        refused.put("StudyService.configureEligibility(2)", admin(() -> {
            studies.configureEligibility(study, DemoStudyDesigns.reMsEligibility());
            return null;
        }));
        refused.put("StudyService.configureRandomisation(2)", admin(() -> {
            studies.configureRandomisation(study, DemoStudyDesigns.reMsRandomisation());
            return null;
        }));
        refused.put("StudyService.configureSchedule(2)", admin(() -> {
            studies.configureSchedule(study, DemoStudyDesigns.reMsSchedule());
            return null;
        }));
        refused.put("StudyService.update(2)", admin(() -> studies.update(study, studies.record(study))));
        refused.put("VideoWatching.recordWatch(4)", () -> asParticipant(exerciserAccount, () -> watching.recordWatch(
                "any-video", VideoWatching.WatchEvent.STARTED, 0, 60)));

        Map<String, Supplier<?>> skipped = new LinkedHashMap<>();
        skipped.put("CallPlanning.planCalls(0)", coordinator(planning::planCalls));
        skipped.put("CallPlanning.planCallsFor(1)", coordinator(() -> planning.planCallsFor(randomised)));
        skipped.put("CallPlanning.cancelOpenCalls(2)", coordinator(() -> planning.cancelOpenCalls(randomised,
                "Left")));
        skipped.put("ReminderPlanner.planAll(0)", planner(reminders::planAll));
        skipped.put("ReminderPlanner.planAssessmentReminders(1)", planner(() -> reminders
                .planAssessmentReminders(7)));
        skipped.put("ReminderPlanner.planCallReminders(1)", coordinator(() -> reminders.planCallReminders(60)));
        skipped.put("ReminderPlanner.planSessionReminders(1)", coordinator(() -> reminders.planSessionReminders(7)));
        skipped.put("ReminderPlanner.planVideoLinks(1)", coordinator(() -> reminders.planVideoLinks(7)));
        skipped.put("ReminderPlanner.replan(1)", planner(() -> reminders.replan(randomised)));
        skipped.put("ProgrammeAlerts.raiseInactivityAlerts(0)", therapist(alerts::raiseInactivityAlerts));
        assertThat(skipped.keySet()).isEqualTo(SKIPS);

        Set<String> judged = new HashSet<>();
        NOT_STUDY_DATA.values().forEach(judged::addAll);
        Set<String> unclassified = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        for (var operation : ServiceOperations.of(context)) {
            String name = operation.name() + "(" + operation.method().getParameterCount() + ")";
            all.add(name);
            if (!refused.containsKey(name) && !SKIPS.contains(name) && !judged.contains(name)) {
                unclassified.add(name);
            }
        }
        assertThat(unclassified).as("operations neither walked against a locked study nor judged not to write"
                + " a study's data: walk each below or judge it in NOT_STUDY_DATA with the reason").isEmpty();
        Set<String> gone = new TreeSet<>(judged);
        gone.addAll(refused.keySet());
        gone.addAll(SKIPS);
        gone.removeAll(all);
        assertThat(gone).as("classified operations that no longer exist").isEmpty();

        // Locked as the lock does, without asking the checks: the walk is about what a lock refuses.
        as(PortalRole.MONITOR, () -> {
            lives.move(study, StudyStage.LOCKED, Instant.now(), "test", "Database lock");
            return null;
        });
        assertThat(as(PortalRole.CLINICIAN, () -> locks.studyLocked(study))).isTrue();
        List<String> failures = new ArrayList<>();
        refused.forEach((name, call) -> {
            long before = writes.sent();
            try {
                call.get();
                failures.add(name + " was done in a locked study");
            } catch (ValidationException e) {
                if (!"study.locked".equals(e.fieldMessageKeys().get(ClinicalRecordLocks.FIELD))) {
                    failures.add(name + " refused with " + e.fieldMessageKeys() + ", not study.locked");
                }
            } catch (RuntimeException e) {
                failures.add(name + " failed with " + e);
            }
            if (writes.sent() != before) {
                failures.add(name + " wrote to the database before it was refused");
            }
        });
        skipped.forEach((name, call) -> {
            long before = writes.sent();
            try {
                call.get();
            } catch (RuntimeException e) {
                failures.add(name + " failed with " + e);
            }
            if (writes.sent() != before) {
                failures.add(name + " wrote to the database of a tenant whose one study is locked");
            }
        });
        assertThat(failures).isEmpty();
    }

    private long version(String callId) {
        return trial.asCoordinator(() -> worklist.context(callId)).call().getVersion();
    }

    private static AdverseEventReport report() {
        return new AdverseEventReport(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2), "Sore knee", "Knee", 1,
                false, AdverseEventReport.Relatedness.UNLIKELY, AdverseEventReport.Action.NONE,
                AdverseEventReport.Outcome.ONGOING, null);
    }

    private <T> T as(PortalRole role, Supplier<T> work) {
        return asSystem(trial.tenantId(), Set.of(role), work);
    }

    private <T> T asParticipant(String accountId, Supplier<T> work) {
        return SystemActor.callFor("test-participant", trial.tenantId(), accountId, Set.of(PortalRole.PARTICIPANT),
                work);
    }

    private static Supplier<?> done(Runnable work) {
        return () -> {
            work.run();
            return null;
        };
    }

    private Supplier<?> clinician(Supplier<?> work) {
        return () -> as(PortalRole.CLINICIAN, work);
    }

    private Supplier<?> coordinator(Supplier<?> work) {
        return () -> as(PortalRole.COORDINATOR, work);
    }

    /** As the planning round runs: a coordinator and a clinician (assessments due are the clinician's to know). */
    private Supplier<?> planner(Supplier<?> work) {
        return () -> asSystem(trial.tenantId(), EnumSet.of(PortalRole.COORDINATOR, PortalRole.CLINICIAN), work);
    }

    private Supplier<?> assessor(Supplier<?> work) {
        return () -> as(PortalRole.ASSESSOR, work);
    }

    private Supplier<?> therapist(Supplier<?> work) {
        return () -> as(PortalRole.THERAPIST, work);
    }

    private Supplier<?> admin(Supplier<?> work) {
        return () -> as(PortalRole.TENANT_ADMIN, work);
    }
}
